/**
 * A small Bouncy Castle PKI for the embedded demo and for tests: a root CA that issues document-signing and
 * time-stamping certificates, and its TSA, OCSP responder and CRL served over HTTP on loopback.
 */
package vn.hocba.signing.pki;
