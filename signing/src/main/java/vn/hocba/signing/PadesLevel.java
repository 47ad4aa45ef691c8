package vn.hocba.signing;

/**
 * The PAdES baseline levels (ETSI EN 319 142-1 clause 6), lowest first; each adds to the one before it.
 */
public enum PadesLevel {

    /** B-B: the CMS signature with the signing certificate and signed attributes. */
    B_B("PAdES-BASELINE-B"),
    /** B-T: plus a signature timestamp from a trusted time-stamping authority (RFC 3161), proving existence then. */
    B_T("PAdES-BASELINE-T"),
    /** B-LT: plus, in the document security store (DSS dictionary), the certificates and CRL/OCSP data to validate. */
    B_LT("PAdES-BASELINE-LT"),
    /** B-LTA: plus a document timestamp over all of it, renewable before its TSA certificate expires. */
    B_LTA("PAdES-BASELINE-LTA");

    private final String label;

    PadesLevel(String label) {
        this.label = label;
    }

    /** @return the ETSI name, e.g. {@code PAdES-BASELINE-LT} (what validators report) */
    public String label() {
        return label;
    }

    /** @return whether this level needs a timestamp source ({@code B-T} and above) */
    public boolean timestamped() {
        return this != B_B;
    }

    /** @return whether this level keeps revocation data in the file ({@code B-LT} and above) */
    public boolean longTerm() {
        return this == B_LT || this == B_LTA;
    }

    /**
     * @param text a level as configured or reported: {@code B-LT}, {@code LT}, {@code PAdES-BASELINE-LT}, case-blind
     * @return the level
     * @throws IllegalArgumentException for anything else
     */
    public static PadesLevel parse(String text) {
        String t = text.strip().toUpperCase(java.util.Locale.ROOT).replace('_', '-');
        t = t.startsWith("PADES-BASELINE-") ? t.substring("PADES-BASELINE-".length()) : t;
        t = t.startsWith("B-") ? t.substring(2) : t;
        return switch (t) {
            case "B" -> B_B;
            case "T" -> B_T;
            case "LT" -> B_LT;
            case "LTA" -> B_LTA;
            default -> throw new IllegalArgumentException("not a PAdES baseline level: " + text
                    + " (expected B-B, B-T, B-LT or B-LTA)");
        };
    }
}
