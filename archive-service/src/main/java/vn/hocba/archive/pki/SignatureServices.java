package vn.hocba.archive.pki;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import vn.hocba.signing.CertificateCheck;
import vn.hocba.signing.PadesLevel;
import vn.hocba.signing.RevocationSource;
import vn.hocba.signing.SigningSettings;
import vn.hocba.signing.TimestampSource;
import vn.hocba.signing.http.HttpRevocationSource;
import vn.hocba.signing.http.HttpTimestampSource;

/**
 * What signing needs besides the key: the levels, the time-stamping authority, the revocation sources, the trust
 * anchors, and the check of a signer's certificate before it signs. On the embedded demo the TSA, OCSP responder and
 * CRL are the demo PKI's own services on loopback; in production they come from {@link SigningProperties}.
 */
public class SignatureServices {

    private final PadesLevel signatureLevel;
    private final PadesLevel archiveLevel;
    private final java.util.Map<String, PadesLevel> archiveLevels;
    private final SigningSettings settings;
    private final CertificateCheck check;
    private final List<X509Certificate> anchors;
    private final List<X509Certificate> known;

    SignatureServices(SigningProperties properties, TimestampSource timestamps, List<X509Certificate> demoAnchors,
                      List<X509Certificate> intermediates, Clock clock) {
        this.signatureLevel = PadesLevel.parse(properties.signatureLevel());
        if (signatureLevel.longTerm()) {
            throw new IllegalArgumentException("hocba.signing.signature-level must be B-B or B-T (each signature); "
                    + "B-LT and B-LTA are reached at completion: hocba.signing.archive-level");
        }
        this.archiveLevel = PadesLevel.parse(properties.archiveLevel());
        var levels = new java.util.HashMap<String, PadesLevel>();
        properties.archiveLevels().forEach((type, level) -> levels.put(type.toUpperCase(Locale.ROOT), PadesLevel.parse(level)));
        this.archiveLevels = java.util.Map.copyOf(levels);
        List<X509Certificate> all = new ArrayList<>(demoAnchors);
        properties.trustAnchors().forEach(file -> all.addAll(readPem(file)));
        this.anchors = List.copyOf(all);
        List<X509Certificate> withIntermediates = new ArrayList<>(all);
        withIntermediates.addAll(intermediates);
        this.known = List.copyOf(withIntermediates);
        TimestampSource tsa = timestamps;
        if (tsa == null && properties.tsaUrl() != null) {
            tsa = new HttpTimestampSource(properties.tsaUrl(), properties.timeout());
        }
        if (tsa == null && (signatureLevel.timestamped() || archiveLevel.timestamped())) {
            throw new IllegalStateException("hocba.signing.tsa-url is not set, but the levels "
                    + signatureLevel.label() + " / " + archiveLevel.label() + " need a time-stamping authority");
        }
        RevocationSource revocation = new HttpRevocationSource(properties.timeout(), clock);
        this.settings = new SigningSettings(signatureLevel, "SHA-256", tsa, revocation, anchors);
        this.check = new CertificateCheck(anchors, revocation, clock, properties.checkReuse());
    }

    /** @return settings for making one signature, at the configured signature level */
    public SigningSettings signing() {
        return settings;
    }

    /**
     * @param documentType the document type's name, e.g. {@code STUDENT_RECORD}
     * @return the level that type's documents are extended to before they are archived
     */
    public PadesLevel archiveLevel(String documentType) {
        return archiveLevels.getOrDefault(documentType, archiveLevel);
    }

    /**
     * Checks a signer's certificate before it signs: chain to a trust anchor, validity, key usage, not revoked.
     *
     * @param chain the signer's certificate first
     * @return the verdict
     */
    public CertificateCheck.Verdict check(List<X509Certificate> chain) {
        return check.check(chain, known);
    }

    /** Forgets a passed check of {@code certificate} (after its revocation is known), so the next signature asks again. */
    public void forget(X509Certificate certificate) {
        check.forget(certificate);
    }

    /** @return the certificates signatures must chain to */
    public List<X509Certificate> trustAnchors() {
        return anchors;
    }

    private static List<X509Certificate> readPem(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            List<X509Certificate> out = new ArrayList<>();
            for (var c : CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(bytes))) {
                out.add((X509Certificate) c);
            }
            return out;
        } catch (IOException | CertificateException e) {
            throw new IllegalStateException("cannot read the trust anchors in " + file + ": " + e.getMessage(), e);
        }
    }
}
