package vn.hocba.signing.dss;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.util.Store;

import vn.hocba.signing.RevocationSource;
import vn.hocba.signing.SigningSettings;

/**
 * PAdES-BASELINE-LT by writing the Document Security Store ourselves (ETSI EN 319 142-1 5.4.2, ISO 32000-2 12.8.4.3):
 * one incremental update whose catalog {@code /DSS} lists, as streams, every certificate of every signature's and
 * timestamp's chain up to a trust anchor ({@code /Certs}) and an OCSP response or the CRL for each certificate below
 * the anchor ({@code /OCSPs}, {@code /CRLs}), kept with what an earlier store holds.
 *
 * <p>Why not EU DSS's own extension: it validates the whole document first, and its 6.4 revision analysis parses the
 * file again for every signature, twice: ~150 ms of CPU for a record with 14 signatures, once per completed document.
 * Here the file is parsed once (PDFBox, for the signature dictionaries and the update), each CMS read once.
 *
 * <p>Rules, from ETSI EN 319 102-1: revocation data must be issued after the best-signature-time of what the
 * certificate serves, here the newest timestamp of each CMS it appears in ({@code thisUpdate} after it); an OCSP
 * answer must be signed by the certificate's issuer (no delegated responder) and name that issuer; a CRL must be
 * current, signed by the issuer and cover the certificate; a certificate revoked after that time is still evidence
 * and goes in. OCSP answers are reused across documents while they are newer than the document's time and younger
 * than {@link #REUSE}: a principal countersigning a whole school asks about each teacher far less than once per record.
 *
 * <p>Whatever these rules cannot settle (a B-B signature, a chain that does not reach a trust anchor, a timestamp
 * that does not verify, an answer not newer than the signature after one wait, a revocation before the signature's
 * time, a CRL with a limited scope) is {@link Unavailable}: the caller leaves the document to DSS's extension, which
 * validates everything and refuses what must be refused. Thread-safe.
 */
final class DocumentSecurityStore {

    /** How long an OCSP answer is reused for other documents. */
    static final Duration REUSE = Duration.ofSeconds(60);
    /** Answers kept at most; older ones are dropped first. */
    private static final int MAX_ANSWERS = 20_000;
    /** The longest wait for a responder's clock to pass a signature's timestamp (whole-second answers). */
    private static final Duration LONGEST_WAIT = Duration.ofMillis(2_100);

    private static final COSName DSS = COSName.getPDFName("DSS");
    private static final COSName CERTS = COSName.getPDFName("Certs");
    private static final COSName OCSPS = COSName.getPDFName("OCSPs");
    private static final COSName CRLS = COSName.getPDFName("CRLs");

    /** The document cannot take this path; DSS's extension should handle it. */
    static final class Unavailable extends Exception {
        private static final long serialVersionUID = 1L;

        Unavailable(String why) {
            super(why, null, false, false);
        }
    }

    /**
     * An OCSP response, the status time of its answer, when it was fetched, and the revocation time it gives (null
     * when the certificate was good).
     */
    private record Answer(byte[] response, Instant thisUpdate, Instant fetchedAt, Instant revokedAt) {
    }

    /** The certificates of the file and, for each, the newest time of a CMS it appears in. */
    private record Evidence(Map<ByteBuffer, X509Certificate> certificates, Map<ByteBuffer, Instant> usedUntil) {
    }

    private final Map<ByteBuffer, Answer> answers = new ConcurrentHashMap<>();
    /**
     * The OCSP request being made for a certificate, by its key: extensions running at once for documents signed in
     * the same second need the same answer, and ask for it once (the others wait for it) instead of each making the
     * responder sign one.
     */
    private final Map<ByteBuffer, CompletableFuture<Optional<Answer>>> asking = new ConcurrentHashMap<>();
    /** Whether the last OCSP answer had a whole-second status time (most responders): see {@link #ocsp}. */
    private volatile boolean wholeSecondAnswers;
    private final Clock clock;

    DocumentSecurityStore(Clock clock) {
        this.clock = clock;
    }

    /**
     * @param pdf      a PDF whose signatures all carry a signature timestamp (B-T)
     * @param settings the revocation source and trust anchors
     * @return the PDF with one more revision: the Document Security Store with the validation data of every signature
     *         and timestamp
     * @throws Unavailable the document needs DSS's extension (see the class comment)
     */
    byte[] extendToLt(byte[] pdf, SigningSettings settings) throws Unavailable {
        return extend(pdf, settings, null);
    }

    /**
     * B-LTA in the same incremental update: the Document Security Store as {@link #extendToLt}, and a document
     * timestamp (ETSI EN 319 142-1 5.4.3: {@code /Type /DocTimeStamp}, {@code /SubFilter /ETSI.RFC3161}) over the whole
     * file, the store included, so the file is read and written once.
     *
     * @param reservation bytes reserved for the timestamp token; a larger token is {@link Unavailable}
     * @param tokenSize   told the size of the token received
     * @return the PDF with one more revision holding the store and the document timestamp
     * @throws Unavailable the document needs another way (see the class comment), or the token did not fit
     */
    byte[] extendToLta(byte[] pdf, SigningSettings settings, int reservation,
                       java.util.function.IntConsumer tokenSize) throws Unavailable {
        if (settings.timestamps() == null) {
            throw new Unavailable("no timestamp source");
        }
        return extend(pdf, settings, new Stamp(reservation, tokenSize));
    }

    /** The document timestamp to add with the store, or none. */
    private record Stamp(int reservation, java.util.function.IntConsumer tokenSize) {
    }

    private byte[] extend(byte[] pdf, SigningSettings settings, Stamp stamp) throws Unavailable {
        RevocationSource revocation = settings.revocation();
        if (revocation == null || settings.trustAnchors().isEmpty()) {
            throw new Unavailable("no revocation source or no trust anchor");
        }
        try (PDDocument document = FastHexPdfParser.load(pdf)) {
            if (document.isEncrypted()) {
                throw new Unavailable("an encrypted document");
            }
            List<long[]> ranges = signatureRanges(document, pdf);
            if (ranges.isEmpty()) {
                throw new Unavailable("no signature");
            }
            Evidence evidence = collect(pdf, ranges);
            Map<ByteBuffer, X509Certificate> anchors = new HashMap<>();
            for (X509Certificate anchor : settings.trustAnchors()) {
                anchors.put(key(anchor), anchor);
            }
            List<X509Certificate> pool = new ArrayList<>(evidence.certificates().values());
            pool.addAll(anchors.values());

            List<byte[]> certs = new ArrayList<>();
            List<byte[]> ocsps = new ArrayList<>();
            List<byte[]> crls = new ArrayList<>();
            Map<ByteBuffer, X509Certificate> toCheck = new LinkedHashMap<>(evidence.certificates());
            Map<ByteBuffer, Instant> usedUntil = new HashMap<>(evidence.usedUntil());
            Set<ByteBuffer> done = new HashSet<>();
            while (!toCheck.isEmpty()) {
                ByteBuffer key = toCheck.keySet().iterator().next();
                X509Certificate certificate = toCheck.remove(key);
                if (!done.add(key)) {
                    continue;
                }
                certs.add(encoded(certificate));
                if (anchors.containsKey(key)) {
                    continue;
                }
                if (selfSigned(certificate)) {
                    throw new Unavailable("a chain ends at " + certificate.getSubjectX500Principal()
                            + ", not a trust anchor");
                }
                X509Certificate issuer = issuerOf(certificate, pool)
                        .orElseThrow(() -> new Unavailable("no issuer for " + certificate.getSubjectX500Principal()));
                ByteBuffer issuerKey = key(issuer);
                Instant time = usedUntil.getOrDefault(key, Instant.EPOCH);
                usedUntil.merge(issuerKey, time, (a, b) -> a.isAfter(b) ? a : b);
                if (!done.contains(issuerKey)) {
                    toCheck.put(issuerKey, issuer);
                }
                Optional<byte[]> ocsp = ocsp(revocation, certificate, issuer, time);
                if (ocsp.isPresent()) {
                    ocsps.add(ocsp.get());
                } else {
                    crls.add(crl(revocation, certificate, issuer, time));
                }
            }
            addStore(document, certs, ocsps, crls);
            return stamp == null ? save(document, pdf.length) : saveWithTimestamp(document, pdf.length, settings, stamp);
        } catch (IOException e) {
            throw new Unavailable("cannot read the document: " + e.getMessage());
        }
    }

    /**
     * The {@code /ByteRange} of every signature and document timestamp. Parsing each signature dictionary with PDFBox
     * parses its {@code /Contents} hex too (half of this class's cost on a record with 14 signatures), so the ranges
     * are read from the bytes, and trusted only when there are exactly as many as signed signature fields
     * (ISO 32000-2 12.7.5.5: a signature field's {@code /V}); any difference (a {@code /ByteRange} in a content
     * stream, a signature the scan missed) and they come from PDFBox's signature dictionaries.
     */
    private static List<long[]> signatureRanges(PDDocument document, byte[] pdf) throws IOException, Unavailable {
        int signedFields = 0;
        for (var field : document.getSignatureFields()) {
            if (field.getCOSObject().containsKey(COSName.V)) {
                signedFields++;
            }
        }
        List<long[]> scanned = NewestTimestamp.byteRanges(pdf);
        if (scanned.size() == signedFields) {
            return scanned;
        }
        List<long[]> ranges = new ArrayList<>();
        for (PDSignature signature : document.getSignatureDictionaries()) {
            int[] range = signature.getByteRange();
            if (range == null || range.length != 4 || range[0] != 0 || range[1] <= 0 || range[2] <= range[1] + 1
                    || (long) range[2] + range[3] > pdf.length) {
                throw new Unavailable("a signature with an unusable /ByteRange");
            }
            ranges.add(new long[] {range[0], range[1], range[2], range[3]});
        }
        return ranges;
    }

    /**
     * Every certificate of every CMS, with the newest timestamp of that CMS; each timestamp token verified against its
     * own TSA certificate, and a signature's timestamp checked to cover that signature's value.
     */
    private static Evidence collect(byte[] pdf, List<long[]> ranges) throws Unavailable {
        Map<ByteBuffer, X509Certificate> certificates = new LinkedHashMap<>();
        Map<ByteBuffer, Instant> usedUntil = new HashMap<>();
        Map<X509CertificateHolder, org.bouncycastle.cms.SignerInformationVerifier> verifiers = new HashMap<>();
        try {
            for (long[] range : ranges) {
                CMSSignedData cms = NewestTimestamp.cms(pdf, range);
                if (cms == null) {
                    throw new Unavailable("a /Contents that is not a hex string");
                }
                List<X509Certificate> own = new ArrayList<>(certificates(cms.getCertificates()));
                List<TimeStampToken> tokens = new ArrayList<>();
                if (NewestTimestamp.isTimestamp(cms)) {
                    tokens.add(new TimeStampToken(cms));
                } else {
                    for (SignerInformation signer : cms.getSignerInfos().getSigners()) {
                        if (cms.getCertificates().getMatches(signer.getSID()).isEmpty()) {
                            throw new Unavailable("a signature whose signer certificate is not in its CMS");
                        }
                        List<TimeStampToken> stamps = NewestTimestamp.signatureTimestamps(signer);
                        if (stamps.isEmpty()) {
                            throw new Unavailable("a signature without signature timestamp (B-B)");
                        }
                        for (TimeStampToken stamp : stamps) {
                            requireImprint(stamp, signer.getSignature());
                        }
                        tokens.addAll(stamps);
                    }
                }
                Instant newest = Instant.EPOCH;
                for (TimeStampToken token : tokens) {
                    var tsa = token.getCertificates().getMatches(token.getSID());
                    if (tsa.isEmpty()) {
                        throw new Unavailable("a timestamp without its TSA certificate");
                    }
                    X509CertificateHolder tsaCertificate = (X509CertificateHolder) tsa.iterator().next();
                    var verifier = verifiers.get(tsaCertificate); // the 15 tokens of a record come from one TSA
                    if (verifier == null) {
                        verifier = new JcaSimpleSignerInfoVerifierBuilder().build(tsaCertificate);
                        verifiers.put(tsaCertificate, verifier);
                    }
                    token.validate(verifier);
                    own.addAll(certificates(token.getCertificates()));
                    Instant time = token.getTimeStampInfo().getGenTime().toInstant();
                    newest = time.isAfter(newest) ? time : newest;
                }
                for (X509Certificate certificate : own) {
                    ByteBuffer key = key(certificate);
                    certificates.putIfAbsent(key, certificate);
                    usedUntil.merge(key, newest, (a, b) -> a.isAfter(b) ? a : b);
                }
            }
        } catch (Unavailable e) {
            throw e;
        } catch (Exception e) {
            throw new Unavailable("a signature or timestamp that cannot be read or does not verify: " + e.getMessage());
        }
        return new Evidence(certificates, usedUntil);
    }

    /** The signature timestamp's message imprint is the digest of the signature value it stamps (RFC 3161, CAdES). */
    private static void requireImprint(TimeStampToken token, byte[] signatureValue) throws Exception {
        var info = token.getTimeStampInfo();
        var calculator = new JcaDigestCalculatorProviderBuilder().build().get(info.getHashAlgorithm());
        try (OutputStream out = calculator.getOutputStream()) {
            out.write(signatureValue);
        }
        if (!Arrays.equals(calculator.getDigest(), info.getMessageImprintDigest())) {
            throw new Unavailable("a signature timestamp that does not cover its signature");
        }
    }

    /**
     * Certificates already converted, by their signature value: the same few (teachers, CAs, TSA) fill every record.
     * A hit counts only if the whole certificate is equal (compared as ASN.1, which, unlike encoding it again to look
     * it up, allocates nothing: that encoding was an eighth of this class's reading of a record's 15 CMS).
     */
    private static final Map<ByteBuffer, Converted> CONVERTED = new ConcurrentHashMap<>();
    private static final int MAX_CONVERTED = 10_000;

    private record Converted(org.bouncycastle.asn1.x509.Certificate structure, X509Certificate certificate) {
    }

    private static List<X509Certificate> certificates(Store<X509CertificateHolder> store)
            throws CertificateException {
        List<X509Certificate> out = new ArrayList<>();
        for (X509CertificateHolder holder : store.getMatches(null)) {
            ByteBuffer signature = ByteBuffer.wrap(holder.getSignature());
            Converted converted = CONVERTED.get(signature);
            if (converted == null || !converted.structure().equals(holder.toASN1Structure())) {
                converted = new Converted(holder.toASN1Structure(),
                        new JcaX509CertificateConverter().getCertificate(holder));
                if (CONVERTED.size() >= MAX_CONVERTED) {
                    CONVERTED.clear();
                }
                CONVERTED.put(signature, converted);
            }
            out.add(converted.certificate());
        }
        return out;
    }

    /** Whether an answer kept for another document serves one whose newest timestamp is {@code after}. */
    private boolean usable(Answer cached, Instant after) {
        return cached != null && cached.thisUpdate().isAfter(after)
                && cached.fetchedAt().plus(REUSE).isAfter(clock.instant());
    }

    /**
     * An OCSP answer about the certificate whose status time follows {@code after}: a recent one given for another
     * document, or a new one (waiting once for the responder's clock to pass {@code after}). Empty when no responder
     * answers: a CRL then decides.
     */
    private Optional<byte[]> ocsp(RevocationSource revocation, X509Certificate certificate, X509Certificate issuer,
                                  Instant after) throws Unavailable {
        ByteBuffer key = key(certificate);
        Optional<byte[]> kept = kept(key, after);
        if (kept.isPresent()) {
            return kept;
        }
        if (wholeSecondAnswers) {
            // the responders answer in whole seconds: none can answer after `after` before its next second, so wait for
            // it first (not ask twice), then look again: another document's extension may have asked meanwhile
            Duration wait = Duration.between(clock.instant(), after.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1)
                    .plusMillis(20));
            if (!wait.isNegative() && wait.compareTo(LONGEST_WAIT) <= 0) {
                sleep(wait);
                kept = kept(key, after);
                if (kept.isPresent()) {
                    return kept;
                }
            }
        }
        Optional<Answer> answer = fetchOnce(revocation, certificate, issuer, key, after);
        answer.ifPresent(a -> wholeSecondAnswers = a.thisUpdate().getNano() == 0);
        if (answer.isPresent() && !answer.get().thisUpdate().isAfter(after)) {
            Duration wait = Duration.between(clock.instant(), (wholeSecondAnswers
                    ? after.truncatedTo(ChronoUnit.SECONDS) : after).plusSeconds(1).plusMillis(20));
            if (wait.compareTo(LONGEST_WAIT) > 0) {
                throw new Unavailable("the OCSP answer is older than the signature it should follow");
            }
            sleep(wait);
            kept = kept(key, after);
            if (kept.isPresent()) {
                return kept;
            }
            answer = fetchOnce(revocation, certificate, issuer, key, after);
            if (answer.isPresent() && !answer.get().thisUpdate().isAfter(after)) {
                throw new Unavailable("the OCSP answer is not newer than the signature it should follow");
            }
        }
        if (answer.isEmpty()) {
            return Optional.empty();
        }
        if (answers.size() >= MAX_ANSWERS) {
            Instant stale = clock.instant().minus(REUSE);
            answers.values().removeIf(a -> a.fetchedAt().isBefore(stale));
            if (answers.size() >= MAX_ANSWERS) {
                answers.clear();
            }
        }
        answers.put(key, answer.get());
        return Optional.of(goodAt(answer.get(), after).response());
    }

    /** The answer kept for another document, if it follows {@code after} and shows the certificate good then. */
    private Optional<byte[]> kept(ByteBuffer key, Instant after) throws Unavailable {
        Answer cached = answers.get(key);
        return usable(cached, after) ? Optional.of(goodAt(cached, after).response()) : Optional.empty();
    }

    /**
     * An OCSP answer about the certificate with {@code key}: the one another thread is asking for right now if its
     * status time follows {@code after}, else a new one. Empty when no responder answers.
     */
    private Optional<Answer> fetchOnce(RevocationSource revocation, X509Certificate certificate,
                                       X509Certificate issuer, ByteBuffer key, Instant after) throws Unavailable {
        for (int joined = 0; joined < 3; joined++) {
            CompletableFuture<Optional<Answer>> mine = new CompletableFuture<>();
            CompletableFuture<Optional<Answer>> running = asking.putIfAbsent(key, mine);
            if (running == null) {
                Optional<Answer> answer;
                try {
                    answer = fetchOcsp(revocation, certificate, issuer);
                } catch (Throwable e) {
                    asking.remove(key, mine);
                    mine.completeExceptionally(e);
                    throw e;
                }
                // out of the map before the waiters wake: one that needs a newer answer must not find this one again
                asking.remove(key, mine);
                mine.complete(answer);
                return answer;
            }
            try {
                Optional<Answer> theirs = running.get(LONGEST_WAIT.toMillis() * 5, TimeUnit.MILLISECONDS);
                if (theirs.isEmpty() || theirs.get().thisUpdate().isAfter(after)) {
                    return theirs; // no responder answered (a CRL decides), or an answer that follows this document
                }
                // asked before this document's timestamp: ask (or join the next request) again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Unavailable("interrupted while waiting for an OCSP answer");
            } catch (ExecutionException | TimeoutException e) {
                break; // their request failed or hangs: this one asks for itself, as it would have alone
            }
        }
        return fetchOcsp(revocation, certificate, issuer);
    }

    /**
     * @return {@code answer} if it shows the certificate good at {@code after} (not revoked, or revoked later: the
     *         evidence that it was good when it signed)
     * @throws Unavailable if it was revoked at or before {@code after}: DSS decides such a document
     */
    private static Answer goodAt(Answer answer, Instant after) throws Unavailable {
        if (answer.revokedAt() != null && !answer.revokedAt().isAfter(after)) {
            throw new Unavailable("revoked at " + answer.revokedAt() + ", not after " + after + ": DSS decides");
        }
        return answer;
    }

    /**
     * One OCSP answer, checked: signed by the issuer itself, about this certificate of this issuer, current, and
     * either good or revoked (whether that was before the signature is for {@link #goodAt}). Empty when no responder
     * answers.
     */
    private Optional<Answer> fetchOcsp(RevocationSource revocation, X509Certificate certificate,
                                       X509Certificate issuer) throws Unavailable {
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
        // who signed it first: an answer's status means nothing before its signature is checked
        try {
            if (!basic.isSignatureValid(new JcaContentVerifierProviderBuilder().build(issuer.getPublicKey()))) {
                throw new Unavailable("an OCSP answer not signed by the certificate's issuer (a delegated responder)");
            }
        } catch (Unavailable e) {
            throw e;
        } catch (Exception e) {
            throw new Unavailable("an OCSP answer whose signature cannot be checked");
        }
        SingleResp single = null;
        try {
            var issuerHolder = new JcaX509CertificateHolder(issuer);
            var digests = new JcaDigestCalculatorProviderBuilder().build();
            for (SingleResp candidate : basic.getResponses()) {
                if (candidate.getCertID().getSerialNumber().equals(certificate.getSerialNumber())
                        && candidate.getCertID().matchesIssuer(issuerHolder, digests)) {
                    single = candidate;
                }
            }
        } catch (Exception e) {
            throw new Unavailable("an OCSP answer that cannot be matched to its certificate");
        }
        if (single == null) {
            throw new Unavailable("an OCSP answer about another certificate");
        }
        Instant now = clock.instant();
        Instant thisUpdate = single.getThisUpdate().toInstant();
        if (thisUpdate.isAfter(now.plusSeconds(60))
                || (single.getNextUpdate() != null && !single.getNextUpdate().toInstant().isAfter(now))) {
            throw new Unavailable("an OCSP answer that is not current");
        }
        CertificateStatus status = single.getCertStatus();
        Instant revokedAt = null;
        if (status instanceof RevokedStatus revoked) {
            revokedAt = revoked.getRevocationTime().toInstant();
        } else if (status != CertificateStatus.GOOD) {
            throw new Unavailable("an OCSP answer 'unknown' for " + certificate.getSubjectX500Principal());
        }
        return Optional.of(new Answer(fetched.get(), thisUpdate, now, revokedAt));
    }

    /** A current CRL of the issuer that covers the certificate and does not list it before {@code after}. */
    private byte[] crl(RevocationSource revocation, X509Certificate certificate, X509Certificate issuer, Instant after)
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
        Instant now = clock.instant();
        if (crl.getThisUpdate().toInstant().isAfter(now.plusSeconds(60)) || crl.getNextUpdate() == null
                || !crl.getNextUpdate().toInstant().isAfter(now)) {
            throw new Unavailable("a CRL that is not current");
        }
        if (crl.getExtensionValue(Extension.issuingDistributionPoint.getId()) != null) {
            throw new Unavailable("a CRL of limited scope (issuing distribution point)");
        }
        if (certificate.getBasicConstraints() < 0 && !crl.getThisUpdate().toInstant().isAfter(after)) {
            // a signer's or TSA's own certificate needs status from after its signature (CA certificates are judged
            // by the CRLs their issuers publish, as DSS's own extension embeds them)
            throw new Unavailable("only a CRL older than the signature for " + certificate.getSubjectX500Principal());
        }
        X509CRLEntry entry = crl.getRevokedCertificate(certificate);
        if (entry != null && !entry.getRevocationDate().toInstant().isAfter(after)) {
            throw new Unavailable("on its issuer's CRL since " + entry.getRevocationDate().toInstant() + ": DSS decides");
        }
        return encoded;
    }

    private void sleep(Duration wait) {
        if (wait.isNegative() || wait.isZero()) {
            return;
        }
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new vn.hocba.signing.SigningException("interrupted while waiting for the OCSP responder's clock", e);
        }
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
    private static void addStore(PDDocument document, List<byte[]> certs, List<byte[]> ocsps, List<byte[]> crls)
            throws Unavailable {
        try {
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
        } catch (IOException | RuntimeException e) {
            throw new Unavailable("cannot write the Document Security Store: " + e.getMessage());
        }
    }

    private static byte[] save(PDDocument document, int size) throws Unavailable {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(size + 32 * 1024);
            document.saveIncremental(out);
            return out.toByteArray();
        } catch (IOException | RuntimeException e) {
            throw new Unavailable("cannot write the Document Security Store: " + e.getMessage());
        }
    }

    /**
     * The update with a document timestamp: an invisible signature field (zero rectangle, printable and locked as
     * PDF/A-2 6.3.2 wants every annotation) whose value is the RFC 3161 token over the file's byte range.
     */
    private static byte[] saveWithTimestamp(PDDocument document, int size, SigningSettings settings, Stamp stamp)
            throws Unavailable {
        try {
            PDSignature timestamp = new PDSignature();
            timestamp.setType(COSName.DOC_TIME_STAMP);
            timestamp.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            timestamp.setSubFilter(COSName.getPDFName("ETSI.RFC3161"));
            var options = new org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions();
            options.setPreferredSignatureSize(stamp.reservation());
            document.addSignature(timestamp, options);
            for (var field : document.getSignatureFields()) {
                // getItem, not getDictionaryObject: the other fields' values are not parsed (the new one is direct)
                if (field.getCOSObject().getItem(COSName.V) == timestamp.getCOSObject()) {
                    for (var widget : field.getWidgets()) {
                        widget.setPrinted(true);
                        widget.setLocked(true);
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(size + 48 * 1024);
            var external = document.saveIncrementalForExternalSigning(out);
            MessageDigest digest = MessageDigest.getInstance(settings.digest());
            try (InputStream content = external.getContent()) {
                content.transferTo(new java.security.DigestOutputStream(OutputStream.nullOutputStream(), digest));
            }
            byte[] token = settings.timestamps().timestamp(settings.digest(), digest.digest());
            stamp.tokenSize().accept(token.length);
            if (token.length > stamp.reservation()) {
                throw new Unavailable("the timestamp token needs " + token.length + " bytes, " + stamp.reservation()
                        + " were reserved");
            }
            external.setSignature(token);
            return out.toByteArray();
        } catch (Unavailable e) {
            throw e;
        } catch (IOException | NoSuchAlgorithmException | RuntimeException e) {
            throw new Unavailable("cannot add the document timestamp: " + e.getMessage());
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
