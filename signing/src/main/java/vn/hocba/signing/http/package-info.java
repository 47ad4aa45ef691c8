/**
 * The signing ports over HTTP: an RFC 3161 time-stamping authority and revocation data (RFC 6960 OCSP, RFC 5280
 * CRLs) from the URLs a certificate names. JDK HTTP client and Bouncy Castle only.
 */
package vn.hocba.signing.http;
