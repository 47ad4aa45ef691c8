package vn.hocba.archive.validation;

import java.io.IOException;
import java.io.InputStream;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

import vn.hocba.archive.common.Hashes;
import vn.hocba.archive.pki.SigningKeys;
import vn.hocba.archive.workflow.DocumentWorkflow;
import vn.hocba.signing.SignatureValidator;
import vn.hocba.signing.SigningException;
import vn.hocba.signing.ValidationReport;
import vn.hocba.signing.dss.DssSignatureValidator;

/**
 * Validates a PDF as anyone may ask: every signature with EU DSS against the service's trust anchors, offline (the
 * file's own revocation data counts, nothing is fetched: a report never depends on an outside server), its PDF/A
 * conformance with veraPDF, and whether its exact bytes are an archived version (by sha256, superseded ones too).
 *
 * <p>The signatures' and PDF/A reports depend on the bytes and the trust anchors only, so they are kept by sha256
 * (validation costs 100 ms and more per document); whether the file is archived is looked up every time.
 */
@Service
@EnableConfigurationProperties(ValidationProperties.class)
class DocumentValidation {

    /** The whole report of one file. */
    record Validation(String sha256, ValidationReport signatures, PdfaCheck.Pdfa pdfa,
                      DocumentWorkflow.ArchivedVersion archived) {
    }

    private record Checked(ValidationReport signatures, PdfaCheck.Pdfa pdfa) {
    }

    private record Trust(List<X509Certificate> anchors, SignatureValidator validator) {
    }

    private final SigningKeys keys;
    private final PdfaCheck pdfa;
    private final DocumentWorkflow workflow;
    private final ValidationProperties properties;
    private final Map<String, Checked> cache;
    private volatile Trust trust;

    DocumentValidation(SigningKeys keys, PdfaCheck pdfa, DocumentWorkflow workflow, ValidationProperties properties) {
        this.keys = keys;
        this.pdfa = pdfa;
        this.workflow = workflow;
        this.properties = properties;
        int capacity = properties.cacheSize();
        this.cache = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Checked> eldest) {
                return size() > capacity;
            }
        });
    }

    /** The largest file accepted, in bytes. */
    long maxBytes() {
        return properties.maxSize().toBytes();
    }

    /**
     * Reads at most {@link #maxBytes()} from {@code body}.
     *
     * @throws PdfTooLargeException (413) when there is more, or when the declared length says so already
     */
    byte[] read(InputStream body, long declaredLength) throws IOException {
        long max = maxBytes();
        if (declaredLength > max) {
            throw new PdfTooLargeException(max);
        }
        byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
        if (bytes.length > max) {
            throw new PdfTooLargeException(max);
        }
        return bytes;
    }

    /**
     * @throws PdfTooLargeException    (413) larger than the limit
     * @throws UnreadablePdfException  (422) not a PDF, or not one that can be read
     */
    Validation validate(byte[] pdf) {
        if (pdf.length > maxBytes()) {
            throw new PdfTooLargeException(maxBytes());
        }
        if (!looksLikePdf(pdf)) {
            throw new UnreadablePdfException();
        }
        String sha256 = Hashes.sha256(pdf);
        Trust current = currentTrust();
        Checked checked = properties.cacheSize() > 0 ? cache.get(sha256) : null;
        if (checked == null) {
            ValidationReport signatures;
            try {
                signatures = current.validator().validate(pdf);
            } catch (SigningException e) {
                throw new UnreadablePdfException();
            }
            checked = new Checked(signatures, pdfa.check(pdf));
            if (properties.cacheSize() > 0 && trust == current) {
                cache.put(sha256, checked);
            }
        }
        return new Validation(sha256, checked.signatures(), checked.pdfa(),
                workflow.archivedWithSha256(sha256).orElse(null));
    }

    /** The validator of the anchors trusted now; a change of anchors (configuration, issue 15) empties the cache. */
    private Trust currentTrust() {
        List<X509Certificate> anchors = List.copyOf(keys.trustAnchors());
        Trust current = trust;
        if (current == null || !current.anchors().equals(anchors)) {
            synchronized (this) {
                current = trust;
                if (current == null || !current.anchors().equals(anchors)) {
                    current = new Trust(anchors, new DssSignatureValidator(anchors));
                    cache.clear();
                    trust = current;
                }
            }
        }
        return current;
    }

    /** A PDF header ({@code %PDF-}) in the first 1024 bytes, where readers look for it (ISO 32000-1 7.5.2, note). */
    static boolean looksLikePdf(byte[] bytes) {
        int limit = Math.min(bytes.length, 1024) - 5;
        for (int i = 0; i <= limit; i++) {
            if (bytes[i] == '%' && bytes[i + 1] == 'P' && bytes[i + 2] == 'D' && bytes[i + 3] == 'F'
                    && bytes[i + 4] == '-') {
                return true;
            }
        }
        return false;
    }
}
