/**
 * EU DSS adapter of the signing port: PAdES signing and validation; the only package that imports
 * {@code eu.europa.esig}.
 */
package vn.hocba.signing.dss;
