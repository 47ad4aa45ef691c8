/** Signing tokens on hardware: PKCS#11 devices (a school HSM, a teacher's USB token) through the JDK's SunPKCS11. */
package vn.hocba.signing.token;
