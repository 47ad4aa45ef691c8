package vn.hocba.signing.dss;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import javax.security.auth.x500.X500Principal;

import eu.europa.esig.dss.diagnostic.CertificateRevocationWrapper;
import eu.europa.esig.dss.diagnostic.CertificateWrapper;
import eu.europa.esig.dss.diagnostic.DiagnosticData;
import eu.europa.esig.dss.diagnostic.PDFRevisionWrapper;
import eu.europa.esig.dss.diagnostic.SignatureWrapper;
import eu.europa.esig.dss.diagnostic.TimestampWrapper;
import eu.europa.esig.dss.enumerations.CertificateStatus;
import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.RevocationOrigin;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.enumerations.SubIndication;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.policy.ValidationPolicy;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.pades.validation.PDFDocumentValidator;
import eu.europa.esig.dss.pdf.pdfbox.PdfBoxDefaultObjectFactory;
import eu.europa.esig.dss.simplereport.SimpleReport;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.validation.policy.ValidationPolicyLoader;
import eu.europa.esig.dss.validation.reports.Reports;

import vn.hocba.signing.DocumentTimestamp;
import vn.hocba.signing.SignatureResult;
import vn.hocba.signing.SignatureValidator;
import vn.hocba.signing.SigningException;
import vn.hocba.signing.ValidationReport;

/**
 * {@link SignatureValidator} on EU DSS: validates every PAdES signature of a PDF with the DSS default validation
 * policy (ETSI EN 319 102-1) against a fixed set of trust anchors, offline: no AIA, OCSP or CRL fetching. A
 * signing certificate without embedded revocation data therefore only passes if it says no revocation data exists
 * (RFC 9608 {@code noRevAvail}, as the demo {@code CertificateAuthority} issues).
 *
 * <p>Thread-safe: the policy and the trusted source are loaded once and only read; a validator and a certificate
 * verifier are built per call.
 */
public final class DssSignatureValidator implements SignatureValidator {

    private static final Map<String, String> SUBJECT_KEYWORDS = Map.of("2.5.4.5", "SERIALNUMBER");

    private final CommonTrustedCertificateSource trustedSource;
    private final ValidationPolicy policy;

    /**
     * @param trustAnchors the certificates trusted as roots of signing-certificate chains
     */
    public DssSignatureValidator(List<X509Certificate> trustAnchors) {
        Objects.requireNonNull(trustAnchors, "trustAnchors");
        this.trustedSource = new CommonTrustedCertificateSource();
        trustAnchors.forEach(anchor -> trustedSource.addCertificate(new CertificateToken(anchor)));
        try {
            this.policy = ValidationPolicyLoader.fromDefaultValidationPolicy().create();
        } catch (RuntimeException e) {
            throw new SigningException("cannot load the DSS default validation policy", e);
        }
    }

    @Override
    public ValidationReport validate(byte[] pdf) {
        Objects.requireNonNull(pdf, "pdf");
        try {
            PDFDocumentValidator validator = new PDFDocumentValidator(new InMemoryDocument(pdf, "document.pdf"));
            validator.setPdfObjFactory(new PdfBoxDefaultObjectFactory());
            validator.setCertificateVerifier(offlineVerifier());
            Reports reports = validator.validateDocument(policy);
            return toReport(reports, pdf);
        } catch (RuntimeException e) {
            throw new SigningException("cannot validate PDF: " + e.getMessage(), e);
        }
    }

    private CommonCertificateVerifier offlineVerifier() {
        // "simple creation only": no DefaultAIASource, and no OCSP/CRL sources are set, so nothing goes online
        CommonCertificateVerifier verifier = new CommonCertificateVerifier(true);
        verifier.setTrustedCertSources(trustedSource);
        return verifier;
    }

    private static ValidationReport toReport(Reports reports, byte[] pdf) {
        SimpleReport simple = reports.getSimpleReport();
        DiagnosticData diagnostic = reports.getDiagnosticData();
        List<SignatureResult> results = new ArrayList<>();
        for (String id : simple.getSignatureIdList()) {
            Indication indication = simple.getIndication(id);
            SubIndication subIndication = simple.getSubIndication(id);
            Date signingTime = simple.getSigningTime(id);
            SignatureLevel format = simple.getSignatureFormat(id);
            SignatureWrapper signature = diagnostic.getSignatureById(id);
            CertificateWrapper certificate = signature == null ? null : signature.getSigningCertificate();
            List<TimestampWrapper> timestamps = signature == null ? List.of() : signature.getSignatureTimestamps();
            Instant timestampedAt = timestamps.stream().map(TimestampWrapper::getProductionTime)
                    .filter(Objects::nonNull).min(Date::compareTo).map(Date::toInstant).orElse(null);
            results.add(new SignatureResult(id, rfc2253(certificate == null ? null : certificate.getCertificateDN()),
                    indication == null ? null : indication.name(),
                    subIndication == null ? null : subIndication.name(),
                    signingTime == null ? null : signingTime.toInstant(),
                    format == null ? null : format.toString(),
                    certificate == null ? null : certificate.getCommonName(),
                    rfc2253(certificate == null ? null : certificate.getCertificateIssuerDN()),
                    timestampedAt, !timestamps.isEmpty(), revocationEmbedded(certificate),
                    chain(signature), revocation(certificate)));
        }
        List<DocumentTimestamp> documentTimestamps = new ArrayList<>();
        for (TimestampWrapper timestamp : diagnostic.getTimestampList()) {
            // PAdES document timestamps (ETSI EN 319 142-1 5.4): DSS lists them as archive timestamps of the PDF
            if ((timestamp.getType().isDocumentTimestamp() || timestamp.getType().isArchivalTimestamp())
                    && timestamp.getProductionTime() != null) {
                Indication tsIndication = simple.getIndication(timestamp.getId());
                documentTimestamps.add(new DocumentTimestamp(timestamp.getId(),
                        timestamp.getProductionTime().toInstant(),
                        tsIndication == null ? timestamp.isMessageImprintDataIntact() && timestamp.isSignatureValid() : tsIndication == Indication.PASSED
                                || tsIndication == Indication.TOTAL_PASSED,
                        timestamp.getSigningCertificate() == null || timestamp.getSigningCertificate().getNotAfter() == null
                                ? null : timestamp.getSigningCertificate().getNotAfter().toInstant()));
            }
        }
        Set<String> signatureFields = fieldsOfSignatures(diagnostic);
        return new ValidationReport(results, documentTimestamps, unsignedBytes(diagnostic, pdf, signatureFields),
                changedAfter(diagnostic, signatureFields));
    }

    /**
     * The bytes after the end of the last {@code /ByteRange} that an intact signature or document timestamp from a
     * trusted chain covers (its last offset plus length: an incremental update ends there), not counting trailing white
     * space. A range only counts when DSS found its digest and signature value intact and its certificate leads to a
     * trust anchor: a broken signature proves nothing about the bytes, and a forger can sign an update of their own
     * with any key or have any public TSA stamp it. A revision of validation data alone after the last signature
     * (PAdES-BASELINE-LT's Document Security Store) is not counted.
     *
     * @param signatureFields the field names of the file's signatures and timestamps ({@link #fieldsOfSignatures})
     */
    static long unsignedBytes(DiagnosticData diagnostic, byte[] pdf, Set<String> signatureFields) {
        long covered = -1;
        SignatureWrapper last = null;
        for (SignatureWrapper signature : diagnostic.getSignatures()) {
            if (signature.isSignatureIntact() && signature.isSignatureValid() && signature.isTrustedChain()) {
                long end = rangeEnd(signature.getPDFRevision());
                if (end > covered) {
                    covered = end;
                    last = signature;
                }
            }
        }
        long bySignatures = covered;
        for (TimestampWrapper timestamp : diagnostic.getTimestampList()) {
            if ((timestamp.getType().isDocumentTimestamp() || timestamp.getType().isArchivalTimestamp())
                    && timestamp.isMessageImprintDataIntact() && timestamp.isSignatureValid()
                    && timestamp.isTrustedChain()) {
                covered = Math.max(covered, rangeEnd(timestamp.getPDFRevision()));
            }
        }
        if (covered < 0) {
            return 0; // nothing signed, or nothing intact: the signatures' own results say so
        }
        int end = pdf.length;
        while (end > covered && whiteSpace(pdf[end - 1])) {
            end--;
        }
        if (end > covered && last != null && bySignatures == covered
                && onlyValidationDataAfter(last.getPDFRevision(), signatureFields)) {
            // PAdES-BASELINE-LT: a revision with the Document Security Store alone follows the last signature, and no
            // signature covers it (ETSI EN 319 142-1 5.4.2); DSS found nothing else changed after that signature
            return 0;
        }
        return Math.max(0, end - covered);
    }

    /**
     * Whether DSS's comparison of the revision a signature signed with the final file finds validation data only:
     * the Document Security Store, or other PDF extensions, and at least one such change (a failed analysis finds
     * nothing at all, and must not pass for "only validation data"), and no form field changed but the fields of the
     * file's own signatures and timestamps.
     */
    private static boolean onlyValidationDataAfter(PDFRevisionWrapper revision, Set<String> signatureFields) {
        return revision != null && !revision.getPdfExtensionChanges().isEmpty()
                && revision.getPdfAnnotationsOverlapConcernedPages().isEmpty()
                && !contentChangedAfter(revision, signatureFields);
    }

    /**
     * Whether DSS's comparison of the revision a signature signed with the final file finds more than signatures and
     * validation data: annotations changed, objects changed that nothing explains, pages that render or count
     * differently, or a form field filled that is not one of the file's signatures or timestamps (DSS counts any field
     * as "form fill" and hides added annotations from its visual comparison, so a widget painted over the page would
     * pass unseen).
     */
    private static boolean contentChangedAfter(PDFRevisionWrapper revision, Set<String> signatureFields) {
        return !revision.getPdfAnnotationChanges().isEmpty() || !revision.getPdfUndefinedChanges().isEmpty()
                || !revision.getPdfVisualDifferenceConcernedPages().isEmpty()
                || !revision.getPdfPageDifferenceConcernedPages().isEmpty()
                || !onlySignatureFields(revision, signatureFields);
    }

    /**
     * Whether every form-fill change DSS lists names a field of one of the file's signatures or timestamps, or is a
     * page's {@code /Annots} array made for the first widget on that page (a later signer's box on page 2: the
     * array holds widgets that DSS reports apart, by their field).
     */
    private static boolean onlySignatureFields(PDFRevisionWrapper revision, Set<String> signatureFields) {
        for (var change : revision.getPdfSignatureOrFormFillChanges()) {
            boolean annotsArray = change.getFieldName() == null && change.getValue() != null
                    && change.getValue().endsWith("/Annots");
            if (!annotsArray && (change.getFieldName() == null || !signatureFields.contains(change.getFieldName()))) {
                return false;
            }
        }
        return true;
    }

    /** The field names of every signature and document timestamp DSS found. */
    private static Set<String> fieldsOfSignatures(DiagnosticData diagnostic) {
        Set<String> names = new java.util.HashSet<>();
        for (SignatureWrapper signature : diagnostic.getSignatures()) {
            if (signature.getPDFRevision() != null) {
                names.addAll(signature.getPDFRevision().getSignatureFieldNames());
            }
        }
        for (TimestampWrapper timestamp : diagnostic.getTimestampList()) {
            if (timestamp.getPDFRevision() != null) {
                names.addAll(timestamp.getPDFRevision().getSignatureFieldNames());
            }
        }
        return names;
    }

    /** The end of a revision's {@code /ByteRange [a b c d]}: c + d; -1 without a usable one. */
    private static long rangeEnd(PDFRevisionWrapper revision) {
        if (revision == null || revision.getSignatureByteRange() == null
                || revision.getSignatureByteRange().size() != 4) {
            return -1;
        }
        List<java.math.BigInteger> range = revision.getSignatureByteRange();
        return range.get(2).add(range.get(3)).longValueExact();
    }

    /** ISO 32000-2 7.2.3 white-space characters. */
    private static boolean whiteSpace(byte b) {
        return b == 0 || b == '\t' || b == '\n' || b == '\f' || b == '\r' || b == ' ';
    }

    /** The signatures after whose revision the file changed in content ({@link #contentChangedAfter}). */
    static Set<String> changedAfter(DiagnosticData diagnostic, Set<String> signatureFields) {
        Set<String> ids = new LinkedHashSet<>();
        for (SignatureWrapper signature : diagnostic.getSignatures()) {
            PDFRevisionWrapper revision = signature.getPDFRevision();
            if (revision != null && contentChangedAfter(revision, signatureFields)) {
                ids.add(signature.getId());
            }
        }
        return ids;
    }

    /**
     * Revocation data for the signing certificate that came with the file: the PDF's DSS or VRI dictionary, the CMS
     * of a signature, Adobe's revocation attribute. Data DSS fetched would be {@code EXTERNAL}, and there is none
     * offline; a file's data counts whatever its status.
     */
    private static boolean revocationEmbedded(CertificateWrapper certificate) {
        if (certificate == null) {
            return false;
        }
        for (CertificateRevocationWrapper revocation : certificate.getCertificateRevocationData()) {
            RevocationOrigin origin = revocation.getOrigin();
            if (origin != null && origin.isInternalOrigin()) {
                return true;
            }
        }
        return false;
    }

    private static SignatureResult.Chain chain(SignatureWrapper signature) {
        return signature != null && signature.getSigningCertificate() != null && signature.isTrustedChain()
                ? SignatureResult.Chain.TRUSTED : SignatureResult.Chain.NOT_TRUSTED;
    }

    /** The status of the latest revocation data about the certificate; its {@code noRevAvail} if it has none. */
    private static SignatureResult.Revocation revocation(CertificateWrapper certificate) {
        if (certificate == null) {
            return SignatureResult.Revocation.NOT_CHECKED;
        }
        CertificateRevocationWrapper latest = null;
        for (CertificateRevocationWrapper revocation : certificate.getCertificateRevocationData()) {
            if (latest == null || (revocation.getProductionDate() != null && latest.getProductionDate() != null
                    && revocation.getProductionDate().after(latest.getProductionDate()))) {
                latest = revocation;
            }
        }
        if (latest != null && latest.getStatus() != null) {
            CertificateStatus status = latest.getStatus();
            if (status.isRevoked()) {
                return SignatureResult.Revocation.REVOKED;
            }
            return status.isGood() ? SignatureResult.Revocation.GOOD : SignatureResult.Revocation.UNKNOWN;
        }
        return certificate.isNoRevAvail() ? SignatureResult.Revocation.NO_REVOCATION_AVAILABLE
                : SignatureResult.Revocation.NOT_CHECKED;
    }

    private static String rfc2253(String dn) {
        if (dn == null) {
            return null;
        }
        try {
            // RFC 2253 with serialNumber spelled out (DSS and the JDK print it as a hex-encoded OID value)
            return new X500Principal(dn).getName(X500Principal.RFC2253, SUBJECT_KEYWORDS);
        } catch (IllegalArgumentException e) {
            return dn;
        }
    }
}
