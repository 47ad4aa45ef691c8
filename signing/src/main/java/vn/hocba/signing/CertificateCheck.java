package vn.hocba.signing;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * The check a signer's certificate passes before it signs (Nghị định 23/2025 / ETSI EN 319 102-1 at signing time):
 * its chain ends at a trusted root (RFC 5280 6.1 path validation), it is within its validity, its key usage allows
 * non-repudiation signatures, and it is not revoked: an OCSP answer (RFC 6960) from the responder it names, else a
 * CRL from its distribution point, signed by its issuer; nor are the issuing CAs between it and the root (a path
 * leaf, issuing CA, root: the issuing CA's status comes from the root's OCSP responder or CRL). The path is completed
 * from the given chain and the {@code intermediates}, so the signer may give its certificate alone. Certificates that
 * say {@code noRevAvail} (RFC 9608) skip the revocation step. A passing verdict is remembered for {@code goodFor}; a failing one is never cached. Thread-safe.
 */
public final class CertificateCheck {

    /** What the check found. */
    public enum Outcome {
        /** Trusted, in validity, not revoked. */
        VALID,
        /** No chain to a trusted root. */
        UNTRUSTED,
        /** Past its notAfter. */
        EXPIRED,
        /** Before its notBefore. */
        NOT_YET_VALID,
        /** Its key usage does not allow signing documents (digitalSignature or nonRepudiation). */
        NOT_FOR_SIGNING,
        /** Revoked (or on hold) according to its OCSP responder or CRL. */
        REVOKED,
        /** Neither the OCSP responder nor a CRL gave its status. */
        REVOCATION_UNKNOWN
    }

    /**
     * @param outcome   what was found
     * @param english   a sentence for the signer, in English
     * @param vietnamese the same in Vietnamese
     */
    public record Verdict(Outcome outcome, String english, String vietnamese) {

        /** @return whether the certificate may sign */
        public boolean valid() {
            return outcome == Outcome.VALID;
        }
    }

    private static final String NO_REV_AVAIL = "2.5.29.56";

    private final List<X509Certificate> trustAnchors;
    private final RevocationSource revocation;
    private final Clock clock;
    private final Duration goodFor;
    /** Passed verdicts by certificate (its DER: serials repeat across issuers), until when they are reused. */
    private final Map<X509Certificate, Instant> passed = new ConcurrentHashMap<>();

    /**
     * @param trustAnchors the roots a chain must end at
     * @param revocation   where OCSP answers and CRLs come from
     * @param clock        "now"
     * @param goodFor      how long a passing verdict is reused for the same certificate (zero: never)
     */
    public CertificateCheck(List<X509Certificate> trustAnchors, RevocationSource revocation, Clock clock,
                            Duration goodFor) {
        this.trustAnchors = List.copyOf(trustAnchors);
        this.revocation = Objects.requireNonNull(revocation, "revocation");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.goodFor = Objects.requireNonNull(goodFor, "goodFor");
    }

    /**
     * @param chain         the signer's certificate first, then intermediates (a root at the end is allowed)
     * @param intermediates further CA certificates that may complete the chain (e.g. the trusted issuing CAs)
     * @return the verdict; never throws for a bad certificate
     */
    public Verdict check(List<X509Certificate> chain, List<X509Certificate> intermediates) {
        X509Certificate leaf = chain.get(0);
        Instant now = clock.instant();
        Instant until = passed.get(leaf);
        if (until != null && now.isBefore(until)) {
            return valid();
        }
        if (now.isAfter(leaf.getNotAfter().toInstant())) {
            return new Verdict(Outcome.EXPIRED, "the certificate expired on " + leaf.getNotAfter().toInstant(),
                    "chứng thư số đã hết hạn từ " + leaf.getNotAfter().toInstant());
        }
        if (now.isBefore(leaf.getNotBefore().toInstant())) {
            return new Verdict(Outcome.NOT_YET_VALID, "the certificate is not valid before "
                    + leaf.getNotBefore().toInstant(), "chứng thư số chưa có hiệu lực trước " + leaf.getNotBefore().toInstant());
        }
        boolean[] usage = leaf.getKeyUsage();
        if (usage != null && !usage[0] && !usage[1]) {
            return new Verdict(Outcome.NOT_FOR_SIGNING, "the certificate's key usage does not allow signing documents",
                    "chứng thư số không được phép dùng để ký văn bản");
        }
        List<X509Certificate> path = path(chain, intermediates);
        if (path == null || !validates(path, now)) {
            return new Verdict(Outcome.UNTRUSTED, "the certificate does not chain to a trusted root",
                    "chứng thư số không thuộc chuỗi tin cậy của một tổ chức cung cấp dịch vụ chứng thực được công nhận");
        }
        // every certificate of the path but the anchor: the signer's, then its issuing CAs' (RFC 5280 6.3 checks each)
        for (int i = 0; i < path.size(); i++) {
            X509Certificate certificate = path.get(i);
            if (certificate.getNonCriticalExtensionOIDs() != null
                    && certificate.getNonCriticalExtensionOIDs().contains(NO_REV_AVAIL)) {
                continue;
            }
            X509Certificate issuer = i + 1 < path.size() ? path.get(i + 1) : anchorOf(certificate);
            Verdict status = revocationStatus(certificate, issuer, now, i > 0);
            if (status != null) {
                return status;
            }
        }
        if (!goodFor.isZero()) {
            passed.put(leaf, now.plus(goodFor));
        }
        return valid();
    }

    /** Forgets a passed verdict of {@code certificate}: its next check asks the OCSP responder or CRL again. */
    public void forget(X509Certificate certificate) {
        passed.remove(certificate);
    }

    private static Verdict valid() {
        return new Verdict(Outcome.VALID, "the certificate is valid", "chứng thư số hợp lệ");
    }

    /** @return null when not revoked; a verdict otherwise, about the signer's issuing CA if {@code ofIssuingCa} */
    private Verdict revocationStatus(X509Certificate leaf, X509Certificate issuer, Instant now, boolean ofIssuingCa) {
        Optional<Boolean> revoked = ocsp(leaf, issuer, now);
        if (revoked.isEmpty()) {
            revoked = crl(leaf, issuer, now);
        }
        if (revoked.isEmpty() && ofIssuingCa) {
            return new Verdict(Outcome.REVOCATION_UNKNOWN,
                    "the revocation status of the certification authority that issued the certificate cannot be checked now; try again later",
                    "chưa kiểm tra được trạng thái thu hồi của tổ chức cung cấp dịch vụ chứng thực đã cấp chứng thư số; vui lòng thử lại sau");
        }
        if (revoked.isEmpty()) {
            return new Verdict(Outcome.REVOCATION_UNKNOWN,
                    "the certificate's revocation status cannot be checked now (its OCSP responder and CRL do not answer); try again later",
                    "chưa kiểm tra được trạng thái thu hồi của chứng thư số (máy chủ OCSP và CRL không trả lời); vui lòng thử lại sau");
        }
        if (revoked.get() && ofIssuingCa) {
            return new Verdict(Outcome.REVOKED,
                    "the certificate of the certification authority that issued the certificate has been revoked",
                    "chứng thư số của tổ chức cung cấp dịch vụ chứng thực đã cấp chứng thư này đã bị thu hồi");
        }
        if (revoked.get()) {
            return new Verdict(Outcome.REVOKED, "the certificate has been revoked by its certification authority",
                    "chứng thư số đã bị tổ chức cung cấp dịch vụ chứng thực thu hồi");
        }
        return null;
    }

    /** @return revoked or not per a valid OCSP answer signed by the issuer (or its delegated responder); empty otherwise */
    private Optional<Boolean> ocsp(X509Certificate leaf, X509Certificate issuer, Instant now) {
        Optional<byte[]> answer = revocation.ocsp(leaf, issuer);
        if (answer.isEmpty()) {
            return Optional.empty();
        }
        try {
            OCSPResp response = new OCSPResp(answer.get());
            if (response.getStatus() != OCSPResp.SUCCESSFUL
                    || !(response.getResponseObject() instanceof BasicOCSPResp basic)) {
                return Optional.empty();
            }
            if (!signedByIssuerOrDelegate(basic, issuer)) {
                return Optional.empty();
            }
            CertificateID id = new CertificateID(new JcaDigestCalculatorProviderBuilder().build()
                    .get(CertificateID.HASH_SHA1), new JcaX509CertificateHolder(issuer), leaf.getSerialNumber());
            for (SingleResp single : basic.getResponses()) {
                if (!single.getCertID().getSerialNumber().equals(leaf.getSerialNumber())
                        || !single.getCertID().matchesIssuer(new JcaX509CertificateHolder(issuer),
                        new JcaDigestCalculatorProviderBuilder().build())) {
                    continue;
                }
                if (single.getNextUpdate() != null && single.getNextUpdate().toInstant().isBefore(now)) {
                    return Optional.empty();
                }
                Object status = single.getCertStatus();
                if (status instanceof UnknownStatus) {
                    return Optional.empty();
                }
                return Optional.of(status instanceof RevokedStatus);
            }
            return Optional.empty();
        } catch (Exception unreadable) {
            return Optional.empty();
        }
    }

    private static boolean signedByIssuerOrDelegate(BasicOCSPResp basic, X509Certificate issuer) throws Exception {
        var verifiers = new JcaContentVerifierProviderBuilder();
        if (basic.isSignatureValid(verifiers.build(issuer))) {
            return true;
        }
        for (X509CertificateHolder delegate : basic.getCerts()) {
            // RFC 6960 4.2.2.2: a responder certificate issued by the CA for id-kp-OCSPSigning
            if (delegate.isSignatureValid(verifiers.build(issuer))
                    && delegate.getExtensions() != null
                    && org.bouncycastle.asn1.x509.ExtendedKeyUsage.fromExtensions(delegate.getExtensions()) != null
                    && org.bouncycastle.asn1.x509.ExtendedKeyUsage.fromExtensions(delegate.getExtensions())
                    .hasKeyPurposeId(org.bouncycastle.asn1.x509.KeyPurposeId.id_kp_OCSPSigning)
                    && basic.isSignatureValid(verifiers.build(delegate))) {
                return true;
            }
        }
        return false;
    }

    private Optional<Boolean> crl(X509Certificate leaf, X509Certificate issuer, Instant now) {
        Optional<byte[]> bytes = revocation.crl(leaf, issuer);
        if (bytes.isEmpty()) {
            return Optional.empty();
        }
        try {
            X509CRL crl = (X509CRL) CertificateFactory.getInstance("X.509")
                    .generateCRL(new ByteArrayInputStream(bytes.get()));
            crl.verify(issuer.getPublicKey());
            if (crl.getNextUpdate() != null && crl.getNextUpdate().toInstant().isBefore(now)) {
                return Optional.empty();
            }
            X509CRLEntry entry = crl.getRevokedCertificate(leaf.getSerialNumber());
            return Optional.of(entry != null);
        } catch (Exception unusable) {
            return Optional.empty();
        }
    }

    /** The chain from the leaf up to (not including) a trust anchor, completed from {@code intermediates}. */
    private List<X509Certificate> path(List<X509Certificate> chain, List<X509Certificate> intermediates) {
        List<X509Certificate> pool = new ArrayList<>(chain);
        pool.addAll(intermediates);
        List<X509Certificate> path = new ArrayList<>();
        X509Certificate current = chain.get(0);
        Set<X509Certificate> seen = new HashSet<>();
        while (current != null && seen.add(current)) {
            if (anchorOf(current) != null && isAnchor(current)) {
                break;
            }
            path.add(current);
            if (anchorOf(current) != null) {
                return path;
            }
            X509Certificate next = null;
            for (X509Certificate candidate : pool) {
                if (candidate.getSubjectX500Principal().equals(current.getIssuerX500Principal())
                        && !candidate.equals(current) && signs(candidate, current)) {
                    next = candidate;
                    break;
                }
            }
            current = next;
        }
        return path.isEmpty() ? null : (anchorOf(path.get(path.size() - 1)) != null ? path : null);
    }

    private boolean isAnchor(X509Certificate certificate) {
        return trustAnchors.contains(certificate);
    }

    /** @return the trust anchor that issued {@code certificate}, or null */
    private X509Certificate anchorOf(X509Certificate certificate) {
        for (X509Certificate anchor : trustAnchors) {
            if (anchor.getSubjectX500Principal().equals(certificate.getIssuerX500Principal()) && signs(anchor, certificate)) {
                return anchor;
            }
        }
        return null;
    }

    private static boolean signs(X509Certificate issuer, X509Certificate subject) {
        try {
            subject.verify(issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private boolean validates(List<X509Certificate> path, Instant now) {
        try {
            CertPath certPath = CertificateFactory.getInstance("X.509").generateCertPath(path);
            Set<TrustAnchor> anchors = new HashSet<>();
            trustAnchors.forEach(a -> anchors.add(new TrustAnchor(a, null)));
            PKIXParameters parameters = new PKIXParameters(anchors);
            parameters.setRevocationEnabled(false);
            parameters.setDate(Date.from(now));
            CertPathValidator.getInstance("PKIX").validate(certPath, parameters);
            return true;
        } catch (CertPathValidatorException e) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new SigningException("cannot validate the certificate path", e);
        }
    }
}
