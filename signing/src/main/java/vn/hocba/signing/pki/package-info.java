/**
 * A small Bouncy Castle certificate authority for the embedded demo and for tests: a root CA that issues
 * document-signing certificates to staff.
 */
package vn.hocba.signing.pki;
