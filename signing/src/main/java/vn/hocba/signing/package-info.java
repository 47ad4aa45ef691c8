/**
 * Signing port of Hocba: PAdES signing of PDF school records, validation of their signatures and the
 * keys that sign them; plain Java, free of any vendor API (the EU DSS adapter lives in {@code dss}).
 */
package vn.hocba.signing;
