package vn.hocba.signing.dss;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.util.Store;

import vn.hocba.signing.RevocationSource;
import vn.hocba.signing.SigningException;
import vn.hocba.signing.SigningSettings;

/**
 * PAdES-BASELINE-LT by writing the Document Security Store ourselves (ETSI EN 319 142-1 5.4.2, ISO 32000-2 12.8.4.3):
 * one incremental update whose catalog {@code /DSS} lists, as streams, every certificate of every signature's and
 * timestamp's chain ({@code /Certs}), an OCSP response for each of them (or the CRL that covers it:
 * {@code /OCSPs}, {@code /CRLs}), kept with what an earlier DSS revision holds.
 *
 * <p>Why not EU DSS's own extension: it validates the whole document first, and its 6.4 revision analysis parses the
 * file again for every signature, twice; a record with 14 signatures costs ~150 ms of CPU there, once per completed
 * document. Here the file is read once (the CMS of each {@code /ByteRange}), and revocation answers are reused
 * across documents while they are newer than the document's newest timestamp (the best-signature-time a B-LT
 * answer must follow, ETSI EN 319 102-1 5.6.2.4) and younger than {@link #REUSE}: a principal countersigning a whole
 * school asks the responder about each teacher about once a minute, not once per record.
 *
 * <p>What it does not handle (a signature without signature timestamp, a chain it cannot complete from the file and
 * the trust anchors, an OCSP answer signed by a delegated responder without {@code id-pkix-ocsp-nocheck}, an answer
 * not newer than the newest timestamp) it reports as {@link Unavailable}, and the caller leaves the document to
 * DSS's extension. A certificate revoked or on hold is refused, as DSS refuses it: {@link SigningException}.
 * Thread-safe.
 */
final class DocumentSecurityStore {

    /** How long an OCSP answer is reused for other documents. */
    static final Duration REUSE = Duration.ofSeconds(60);

    private static final COSName DSS = COSName.getPDFName("DSS");
    private static final COSName CERTS = COSName.getPDFName("Certs");
    private static final COSName OCSPS = COSName.getPDFName("OCSPs");
    private static final COSName CRLS = COSName.getPDFName("CRLs");

    /** The document cannot take the fast path; DSS's extension should handle it. */
    static final class Unavailable extends Exception {
        private static final long serialVersionUID = 1L;

        Unavailable(String why) {
            super(why, null, false, false);
        }
    }

    /** An OCSP response and when it was produced, kept for other documents. */
    private record Answer(byte[] response, Instant producedAt, Instant fetchedAt) {
    }

    private final Map<ByteBuffer, Answer> answers = new ConcurrentHashMap<>();
    private final Clock clock;

    DocumentSecurityStore(Clock clock) {
        this.clock = clock;
    }

    /**
     * @param pdf      a PDF whose signatures all carry a signature timestamp (B-T)
     * @param settings the revocation source and trust anchors
     * @return the PDF with one more revision: the Document Security Store with the validation data of every signature
     *         and timestamp
     * @throws Unavailable      the document needs DSS's extension (see the class comment)
     * @throws SigningException a certificate of a chain is revoked
     */
    byte[] extendToLt(byte[] pdf, SigningSettings settings) throws Unavailable {
        RevocationSource revocation = settings.revocation();
        if (revocation == null) {
            throw new Unavailable("no revocation source");
        }
        Map<ByteBuffer, X509Certificate> certificates = new LinkedHashMap<>();
        Instant newest = collect(pdf, certificates);
        List<X509Certificate> pool = new ArrayList<>(certificates.values());
        pool.addAll(settings.trustAnchors());
        Set<ByteBuffer> anchors = new HashSet<>();
        for (X509Certificate anchor : settings.trustAnchors()) {
            anchors.add(key(anchor));
        }

        List<byte[]> certs = new ArrayList<>();
        List<byte[]> ocsps = new ArrayList<>();
        List<byte[]> crls = new ArrayList<>();
        Map<ByteBuffer, X509Certificate> toCheck = new LinkedHashMap<>(certificates);
        Set<ByteBuffer> done = new HashSet<>();
        while (!toCheck.isEmpty()) {
            var entry = toCheck.entrySet().iterator().next();
            toCheck.remove(entry.getKey());
            if (!done.add(entry.getKey())) {
                continue;
            }
            X509Certificate certificate = entry.getValue();
            certs.add(encoded(certificate));
            if (selfSigned(certificate) || anchors.contains(entry.getKey())) {
                continue;
            }
            X509Certificate issuer = issuerOf(certificate, pool)
                    .orElseThrow(() -> new Unavailable("no issuer for " + certificate.getSubjectX500Principal()));
            ByteBuffer issuerKey = key(issuer);
            if (!done.contains(issuerKey)) {
                toCheck.put(issuerKey, issuer);
            }
            Optional<byte[]> ocsp = ocsp(revocation, certificate, issuer, newest);
            if (ocsp.isPresent()) {
                ocsps.add(ocsp.get());
                continue;
            }
            crls.add(crl(revocation, certificate, issuer));
        }
        return write(pdf, certs, ocsps, crls);
    }

    /** Every certificate of every CMS of the file into {@code into}; the newest timestamp's time. */
    private static Instant collect(byte[] pdf, Map<ByteBuffer, X509Certificate> into) throws Unavailable {
        List<long[]> ranges = NewestTimestamp.byteRanges(pdf);
        if (ranges.isEmpty()) {
            throw new Unavailable("no signature");
        }
        Instant newest = Instant.EPOCH;
        try {
            for (long[] range : ranges) {
                CMSSignedData cms = NewestTimestamp.cms(pdf, range);
                if (cms == null) {
                    throw new Unavailable("a /Contents that is not a hex string");
                }
                add(cms.getCertificates(), into);
                List<TimeStampToken> tokens;
                if (NewestTimestamp.isTimestamp(cms)) {
                    tokens = List.of(new TimeStampToken(cms));
                } else {
                    tokens = NewestTimestamp.signatureTimestamps(cms);
                    if (tokens.isEmpty()) {
                        throw new Unavailable("a signature without signature timestamp (B-B)");
                    }
                }
                for (TimeStampToken token : tokens) {
                    add(token.getCertificates(), into);
                    Instant time = token.getTimeStampInfo().getGenTime().toInstant();
                    newest = time.isAfter(newest) ? time : newest;
                }
            }
        } catch (Unavailable e) {
            throw e;
        } catch (Exception e) {
            throw new Unavailable("a signature that cannot be read: " + e.getMessage());
        }
        return newest;
    }

    private static void add(Store<X509CertificateHolder> store, Map<ByteBuffer, X509Certificate> into)
            throws CertificateException {
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        for (X509CertificateHolder holder : store.getMatches(null)) {
            X509Certificate certificate = converter.getCertificate(holder);
            into.putIfAbsent(key(certificate), certificate);
        }
    }

    /**
     * An OCSP answer for the certificate produced after {@code newest}: a recent one given for another document, or a
     * new one. Empty when the responder has nothing to say (no responder, status unknown): the CRL then decides.
     */
    private Optional<byte[]> ocsp(RevocationSource revocation, X509Certificate certificate, X509Certificate issuer,
                                  Instant newest) throws Unavailable {
        ByteBuffer key = key(certificate);
        Instant now = clock.instant();
        Answer cached = answers.get(key);
        if (cached != null && cached.producedAt().isAfter(newest)
                && cached.fetchedAt().plus(REUSE).isAfter(now)) {
            return Optional.of(cached.response());
        }
        Optional<byte[]> fetched = revocation.ocsp(certificate, issuer);
        if (fetched.isEmpty()) {
            return Optional.empty();
        }
        BasicOCSPResp basic;
        try {
            OCSPResp response = new OCSPResp(fetched.get());
            if (response.getStatus() != OCSPResp.SUCCESSFUL
                    || !(response.getResponseObject() instanceof BasicOCSPResp answer)) {
                return Optional.empty();
            }
            basic = answer;
        } catch (IOException | org.bouncycastle.cert.ocsp.OCSPException e) {
            return Optional.empty();
        }
        SingleResp single = null;
        BigInteger serial = certificate.getSerialNumber();
        for (SingleResp candidate : basic.getResponses()) {
            if (candidate.getCertID().getSerialNumber().equals(serial)) {
                single = candidate;
            }
        }
        if (single == null || single.getCertStatus() instanceof UnknownStatus) {
            return Optional.empty();
        }
        if (single.getCertStatus() instanceof RevokedStatus revoked) {
            throw new SigningException("the certificate " + certificate.getSubjectX500Principal().getName()
                    + " was revoked at " + revoked.getRevocationTime().toInstant());
        }
        if (!signedByIssuer(basic, issuer)) {
            throw new Unavailable("an OCSP answer not signed by the certificate's issuer");
        }
        Instant producedAt = basic.getProducedAt().toInstant();
        if (!producedAt.isAfter(newest)) {
            throw new Unavailable("the OCSP answer is not newer than the newest timestamp");
        }
        answers.put(key, new Answer(fetched.get(), producedAt, now));
        return fetched;
    }

    /** The answer is signed with the issuer's own key (a delegated responder would need its own validation data). */
    private static boolean signedByIssuer(BasicOCSPResp basic, X509Certificate issuer) {
        try {
            return basic.isSignatureValid(new JcaContentVerifierProviderBuilder().build(issuer.getPublicKey()));
        } catch (Exception e) {
            return false;
        }
    }

    private static byte[] crl(RevocationSource revocation, X509Certificate certificate, X509Certificate issuer)
            throws Unavailable {
        byte[] encoded = revocation.crl(certificate, issuer)
                .orElseThrow(() -> new Unavailable("no revocation data for " + certificate.getSubjectX500Principal()));
        X509CRL crl;
        try {
            crl = (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(encoded));
            crl.verify(issuer.getPublicKey());
        } catch (Exception e) {
            throw new Unavailable("a CRL that does not verify with the issuer");
        }
        if (crl.isRevoked(certificate)) {
            throw new SigningException("the certificate " + certificate.getSubjectX500Principal().getName()
                    + " is on its issuer's CRL");
        }
        return encoded;
    }

    private static Optional<X509Certificate> issuerOf(X509Certificate certificate, List<X509Certificate> pool) {
        for (X509Certificate candidate : pool) {
            if (candidate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
                try {
                    certificate.verify(candidate.getPublicKey());
                    return Optional.of(candidate);
                } catch (Exception notThisOne) {
                    // same name, another key: keep looking
                }
            }
        }
        return Optional.empty();
    }

    private static boolean selfSigned(X509Certificate certificate) {
        if (!certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
            return false;
        }
        try {
            certificate.verify(certificate.getPublicKey());
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    /**
     * One incremental update: the catalog with a {@code /DSS} whose arrays keep the objects of the existing store and
     * add a stream for each item not in it yet (compared by content).
     */
    private static byte[] write(byte[] pdf, List<byte[]> certs, List<byte[]> ocsps, List<byte[]> crls)
            throws Unavailable {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            if (document.isEncrypted()) {
                throw new Unavailable("an encrypted document");
            }
            COSDictionary catalog = document.getDocumentCatalog().getCOSObject();
            COSDictionary existing = catalog.getCOSDictionary(DSS);
            COSDictionary store = new COSDictionary();
            if (existing != null) {
                for (var item : existing.entrySet()) {
                    store.setItem(item.getKey(), item.getValue());
                }
            }
            store.setItem(CERTS, merged(document, existing, CERTS, certs));
            store.setItem(OCSPS, merged(document, existing, OCSPS, ocsps));
            store.setItem(CRLS, merged(document, existing, CRLS, crls));
            catalog.setItem(DSS, store);
            catalog.setNeedToBeUpdated(true);
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 32 * 1024);
            document.saveIncremental(out);
            return out.toByteArray();
        } catch (Unavailable e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new Unavailable("cannot write the Document Security Store: " + e.getMessage());
        }
    }

    private static COSArray merged(PDDocument document, COSDictionary existing, COSName name, List<byte[]> items)
            throws IOException {
        COSArray array = new COSArray();
        Set<ByteBuffer> present = new HashSet<>();
        if (existing != null && existing.getDictionaryObject(name) instanceof COSArray old) {
            for (int i = 0; i < old.size(); i++) {
                COSBase item = old.get(i);
                array.add(item);
                COSBase value = item instanceof COSObject object ? object.getObject() : item;
                if (value instanceof COSStream stream) {
                    try (InputStream in = stream.createInputStream()) {
                        present.add(digest(in.readAllBytes()));
                    }
                }
            }
        }
        for (byte[] item : items) {
            if (present.add(digest(item))) {
                COSStream stream = document.getDocument().createCOSStream();
                try (OutputStream out = stream.createOutputStream(COSName.FLATE_DECODE)) {
                    out.write(item);
                }
                array.add(stream);
            }
        }
        return array;
    }

    private static ByteBuffer key(X509Certificate certificate) {
        return digest(encoded(certificate));
    }

    private static byte[] encoded(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ByteBuffer digest(byte[] bytes) {
        try {
            return ByteBuffer.wrap(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
