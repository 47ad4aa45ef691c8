package vn.hocba.archive.pki;

import java.io.IOException;
import java.io.StringReader;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import vn.hocba.archive.common.Access;
import vn.hocba.archive.common.Allowed;
import vn.hocba.archive.common.Caller;
import vn.hocba.archive.common.ForbiddenException;
import vn.hocba.archive.common.HocbaException;
import vn.hocba.archive.common.InvalidInputException;
import vn.hocba.archive.school.SchoolDirectory;
import vn.hocba.signing.CertificateCheck;

/**
 * A staff member's own signing certificate, for two-step signing (API.md "Documents"):
 * {@code PUT /api/v1/accounts/me/certificate} registers it (its subject must name the caller: serialNumber
 * {@code staffId@school}, or the common name their full name; it must chain to a trusted root, be
 * within its validity and not revoked; 422 otherwise); on the embedded demo only,
 * {@code POST /api/v1/accounts/me/certificate-requests} with a PKCS#10 request (PEM, {@code application/pkcs10})
 * answers 201 with the PEM certificate the demo CA issued for the caller's own key, already registered.
 */
@Allowed(Access.OWN_CERTIFICATE)
@RestController
class SignerCertificateController {

    /** A certificate to register: base64 DER, optionally with its chain. */
    record Registration(String certificate, List<String> chain) implements vn.hocba.archive.common.StrictRequestBody {
    }

    private final SignerCertificates certificates;
    private final SignatureServices signatures;
    private final SigningKeys keys;
    private final SchoolDirectory directory;
    private final Clock clock;

    SignerCertificateController(SignerCertificates certificates, SignatureServices signatures, SigningKeys keys,
                                SchoolDirectory directory, Clock clock) {
        this.certificates = certificates;
        this.signatures = signatures;
        this.keys = keys;
        this.directory = directory;
        this.clock = clock;
    }

    @PutMapping("/api/v1/accounts/me/certificate")
    ResponseEntity<Map<String, Object>> register(@RequestBody(required = false) Registration body, Caller caller) {
        var staff = staff(caller);
        if (body == null) {
            throw new InvalidInputException("invalid-certificate", "certificate", "a base64 DER certificate is required",
                    "cần chứng thư số (DER, base64)");
        }
        X509Certificate certificate = SignerCertificates.certificate(body.certificate(), "certificate");
        List<X509Certificate> chain = new ArrayList<>();
        if (body.chain() != null) {
            for (int i = 0; i < body.chain().size(); i++) {
                chain.add(SignerCertificates.certificate(body.chain().get(i), "chain[" + i + "]"));
            }
        }
        if (!SignerCertificates.names(certificate, caller.school(), caller.staffId(), staff.fullName())) {
            throw new InvalidInputException("certificate-not-yours", "certificate",
                    "the certificate's subject does not name you (" + staff.fullName() + ", " + caller.staffId() + ")",
                    "chủ thể của chứng thư số không phải là bạn (" + staff.fullName() + ", " + caller.staffId() + ")");
        }
        List<X509Certificate> full = new ArrayList<>(List.of(certificate));
        full.addAll(chain);
        CertificateCheck.Verdict verdict = signatures.check(full);
        if (verdict.outcome() == CertificateCheck.Outcome.REVOCATION_UNKNOWN) {
            throw new PkiUnavailableException(verdict);
        }
        if (!verdict.valid()) {
            throw new InvalidInputException("certificate-" + verdict.outcome().name().toLowerCase(java.util.Locale.ROOT)
                    .replace('_', '-'), "certificate", verdict.english(), verdict.vietnamese());
        }
        certificates.register(caller.school(), caller.staffId(), certificate, chain, clock.instant());
        return ResponseEntity.ok(Map.of("staff", caller.staffId(), "school", caller.school(),
                "subject", certificate.getSubjectX500Principal().getName(),
                "serial", certificate.getSerialNumber().toString(16),
                "notAfter", certificate.getNotAfter().toInstant().toString()));
    }

    @PostMapping(value = "/api/v1/accounts/me/certificate-requests",
            consumes = {"application/pkcs10", MediaType.TEXT_PLAIN_VALUE, "application/x-pem-file"})
    ResponseEntity<String> certify(@RequestBody(required = false) String pem, Caller caller) {
        if (!(keys instanceof DemoPki demo)) {
            throw new DemoOnlyException();
        }
        var staff = staff(caller);
        PKCS10CertificationRequest request = request(pem);
        java.security.PublicKey key;
        try {
            if (!request.isSignatureValid(new JcaContentVerifierProviderBuilder().build(request.getSubjectPublicKeyInfo()))) {
                throw new IllegalArgumentException("bad signature");
            }
            key = new JcaPKCS10CertificationRequest(request).getPublicKey();
        } catch (Exception e) {
            throw new InvalidInputException("invalid-certificate-request", "body",
                    "the request's signature does not verify with its own key (proof of possession)",
                    "chữ ký của yêu cầu không khớp với khóa công khai trong yêu cầu");
        }
        String schoolName = directory.school(caller.school()).map(SchoolDirectory.School::name).orElse(caller.school());
        List<X509Certificate> chain = demo.certify(key, caller.school(), schoolName, caller.staffId(), staff.fullName());
        certificates.register(caller.school(), caller.staffId(), chain.get(0), chain.subList(1, chain.size()),
                clock.instant());
        return ResponseEntity.status(HttpStatus.CREATED).contentType(MediaType.parseMediaType("application/x-pem-file"))
                .body(Pem.encode(chain));
    }

    private SchoolDirectory.StaffMember staff(Caller caller) {
        if (caller.staffId() == null || caller.school() == null) {
            throw new ForbiddenException("only staff members register signing certificates",
                    "chỉ cán bộ, giáo viên của trường mới đăng ký chứng thư số ký");
        }
        int year = clock.instant().atZone(ZoneId.of("Asia/Ho_Chi_Minh")).getYear();
        return directory.currentStaff(caller.school(), caller.staffId(), year)
                .orElseThrow(() -> new ForbiddenException("you are not listed as staff of " + caller.school(),
                        "bạn không có trong danh sách cán bộ của trường " + caller.school()));
    }

    private static PKCS10CertificationRequest request(String pem) {
        try (PEMParser parser = new PEMParser(new StringReader(pem == null ? "" : pem))) {
            Object parsed = parser.readObject();
            if (parsed instanceof PKCS10CertificationRequest request) {
                return request;
            }
        } catch (IOException | RuntimeException e) {
            // answered below
        }
        throw new InvalidInputException("invalid-certificate-request", "body",
                "the body is not a PEM PKCS#10 certificate request (-----BEGIN CERTIFICATE REQUEST-----)",
                "nội dung không phải yêu cầu cấp chứng thư số PKCS#10 dạng PEM");
    }

    static class DemoOnlyException extends HocbaException {
        DemoOnlyException() {
            super(HttpStatus.NOT_FOUND, "demo-only", "certificate requests are answered by the embedded demo only",
                    "chỉ bản demo mới cấp chứng thư số theo yêu cầu");
        }
    }

    static class PkiUnavailableException extends HocbaException {
        PkiUnavailableException(CertificateCheck.Verdict verdict) {
            super(HttpStatus.SERVICE_UNAVAILABLE, "revocation-unavailable", verdict.english(), verdict.vietnamese());
        }
    }
}
