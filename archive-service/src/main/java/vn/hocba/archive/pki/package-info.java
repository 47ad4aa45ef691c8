/** Signing keys and trust anchors: the demo PKI of the embedded default, and the seam for tokens and remote signing. */
package vn.hocba.archive.pki;
