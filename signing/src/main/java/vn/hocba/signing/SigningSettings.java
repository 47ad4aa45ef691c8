package vn.hocba.signing;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * How signatures are made and extended: the level, the digest, and where timestamps and revocation data come from.
 *
 * @param level        the level a new signature gets ({@link PdfSigner#complete}); {@link PdfSigner#extend} takes its
 *                     own target level
 * @param digest       the JCA digest name, {@code SHA-256}, {@code SHA-384} or {@code SHA-512}
 * @param timestamps   the TSA for {@code B-T} and above (signature timestamps and LTA document timestamps); may be
 *                     null for {@code B-B}
 * @param revocation   where {@code B-LT} finds CRLs and OCSP answers; may be null below {@code B-LT}
 * @param trustAnchors the roots chains must end at (the national root and licensed CAs in production); may be empty
 *                     below {@code B-LT}
 */
public record SigningSettings(PadesLevel level, String digest, TimestampSource timestamps, RevocationSource revocation,
                              List<X509Certificate> trustAnchors) {

    /** Checks that each level has what it needs. */
    public SigningSettings {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(digest, "digest");
        trustAnchors = List.copyOf(trustAnchors == null ? List.of() : trustAnchors);
        if (!List.of("SHA-256", "SHA-384", "SHA-512").contains(digest)) {
            throw new IllegalArgumentException("digest must be SHA-256, SHA-384 or SHA-512, was " + digest);
        }
        if (level.timestamped() && timestamps == null) {
            throw new IllegalArgumentException(level.label() + " needs a timestamp source");
        }
    }

    /** @return settings for {@code PAdES-BASELINE-B} with SHA-256: no timestamp, no revocation data */
    public static SigningSettings baselineB() {
        return new SigningSettings(PadesLevel.B_B, "SHA-256", null, null, List.of());
    }

    /**
     * @param other a level
     * @return these settings with another level
     */
    public SigningSettings withLevel(PadesLevel other) {
        return new SigningSettings(other, digest, timestamps, revocation, trustAnchors);
    }
}
