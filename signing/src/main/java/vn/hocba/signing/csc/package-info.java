/** Remote signing over the Cloud Signature Consortium API (v1.0.4.0 and v2.0.0.2): a client and a signing token. */
package vn.hocba.signing.csc;
