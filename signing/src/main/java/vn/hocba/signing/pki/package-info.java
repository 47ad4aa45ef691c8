/**
 * A small Bouncy Castle PKI for the embedded demo and for tests: a root CA, optionally an issuing CA under it, that
 * issue document-signing and time-stamping certificates, and their TSA, OCSP responder and CRLs served over HTTP on
 * loopback.
 */
package vn.hocba.signing.pki;
