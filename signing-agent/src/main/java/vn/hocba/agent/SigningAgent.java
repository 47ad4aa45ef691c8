package vn.hocba.agent;

import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.security.auth.x500.X500Principal;

import com.fasterxml.jackson.databind.JsonNode;

import org.bouncycastle.openssl.jcajce.JcaPEMWriter;

import vn.hocba.agent.ServiceClient.ApiException;
import vn.hocba.signing.SigningException;
import vn.hocba.signing.SigningToken;

/**
 * What the agent does once the token is open and the client logged in: enrol or register the certificate if asked,
 * collect the documents, and sign each: prepare (the service answers the CMS signed attributes), sign them on the
 * token, check the value against the certificate, complete. One line per document on {@code out}.
 */
public final class SigningAgent {

    /** Every document named was signed (or there was nothing to sign). */
    public static final int OK = 0;
    /** At least one document was not signed. */
    public static final int SOME_FAILED = 1;
    /** The command line, the token, the login or the certificate prevented any work. */
    public static final int CANNOT_RUN = 2;

    /** A homeroom teacher who also teaches a subject has two turns; no sequence gives anyone more than this. */
    private static final int MAX_TURNS_PER_DOCUMENT = 4;

    private final AgentOptions options;
    private final ServiceClient client;
    private final SigningToken token;
    private final PrintStream out;

    public SigningAgent(AgentOptions options, ServiceClient client, SigningToken token, PrintStream out) {
        this.options = options;
        this.client = client;
        this.token = token;
        this.out = out;
    }

    /** @return {@link #OK}, {@link #SOME_FAILED} or {@link #CANNOT_RUN} */
    public int run() {
        List<X509Certificate> certificates;
        try {
            certificates = certificate();
        } catch (ApiException | SigningException | IllegalStateException | UncheckedIOException e) {
            out.println("ERROR  " + e.getMessage());
            return CANNOT_RUN;
        }
        if (!options.command().equals("sign")) {
            return OK;
        }
        List<String> codes;
        try {
            codes = documents();
        } catch (ApiException | UncheckedIOException | AgentOptions.UsageException e) {
            out.println("ERROR  " + e.getMessage());
            return CANNOT_RUN;
        }
        if (codes.isEmpty()) {
            out.println("nothing to sign: no document awaits " + options.staffId()
                    + " / không có hồ sơ nào chờ " + options.staffId() + " ký");
            return OK;
        }
        X509Certificate signer = certificates.get(0);
        List<X509Certificate> chain = certificates.subList(1, certificates.size());
        int failed = 0;
        for (String code : codes) {
            if (!sign(code, signer, chain)) {
                failed++;
            }
        }
        return failed == 0 ? OK : SOME_FAILED;
    }

    /** The certificate to sign with (then its issuers), after enrolling or registering if asked. */
    private List<X509Certificate> certificate() {
        if (options.enroll()) {
            String csr = Enrolment.certificateRequest(token, options.user(), options.school());
            List<X509Certificate> issued = client.requestCertificate(csr);
            if (!issued.get(0).getPublicKey().equals(token.certificate().getPublicKey())) {
                throw new IllegalStateException("the service issued a certificate for another key");
            }
            if (options.certificate() != null) {
                save(issued, options.certificate());
            }
            out.println("ENROLLED  " + subject(issued.get(0)) + ", valid until "
                    + issued.get(0).getNotAfter().toInstant()
                    + (options.certificate() == null ? "" : ", saved to " + options.certificate()));
            return issued;
        }
        List<X509Certificate> chosen = options.certificate() != null ? load(options.certificate()) : token.chain();
        if (!chosen.get(0).getPublicKey().equals(token.certificate().getPublicKey())) {
            throw new IllegalStateException(options.certificate() + " is not the certificate of the key '"
                    + options.keyLabel() + "' on the token");
        }
        if (options.register()) {
            client.registerCertificate(chosen.get(0), chosen.subList(1, chosen.size()));
            out.println("REGISTERED  " + subject(chosen.get(0)));
        }
        return chosen;
    }

    /** The lookup codes to sign, each once, in the order named. */
    private List<String> documents() {
        Set<String> codes = new LinkedHashSet<>(options.lookupCodes());
        for (Path file : options.lookupFiles()) {
            try {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    String code = line.replaceAll("#.*", "").strip();
                    if (!code.isEmpty()) {
                        codes.add(AgentOptions.lookupCode(code));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
            }
        }
        for (String student : options.students()) {
            String[] yearAndId = student.split("/");
            codes.add(client.record(school(), yearAndId[0], yearAndId[1]).get("lookupCode").asText());
        }
        for (String classCode : options.classes()) {
            String[] yearAndClass = classCode.split("/");
            int mine = 0;
            for (JsonNode document : client.gradebooks(school(), yearAndClass[0], yearAndClass[1])) {
                if (awaitsMe(document)) {
                    codes.add(document.get("lookupCode").asText());
                    mine++;
                }
            }
            out.println("class " + classCode + ": " + mine + " document(s) await " + options.staffId());
        }
        return new ArrayList<>(codes);
    }

    private String school() {
        if (options.school() == null) {
            throw new AgentOptions.UsageException("--class and --student need an account staffId@schoolCode");
        }
        return options.school();
    }

    private boolean awaitsMe(JsonNode document) {
        if (!"SIGNING".equals(ServiceClient.text(document, "status"))) {
            return false;
        }
        for (JsonNode staff : document.path("awaiting")) {
            if (staff.asText().equals(options.staffId())) {
                return true;
            }
        }
        return false;
    }

    /** Signs every turn of the caller on the document (one, or two for a homeroom teacher who teaches a subject). */
    private boolean sign(String code, X509Certificate signer, List<X509Certificate> chain) {
        int turns = 0;
        JsonNode document = null;
        while (turns < MAX_TURNS_PER_DOCUMENT) {
            try {
                ServiceClient.Pending pending = client.prepare(code, signer, chain);
                if (pending.digestAlgorithm() != null && !pending.digestAlgorithm().equals("SHA256")) {
                    throw new ApiException(201, "the service asks for digest " + pending.digestAlgorithm()
                            + "; this agent signs SHA256 only");
                }
                byte[] value = token.sign(pending.dataToSign());
                verify(pending.dataToSign(), value, signer);
                document = client.complete(code, pending.id(), value);
                turns++;
            } catch (ApiException | SigningException | IllegalStateException e) {
                if (turns == 0) {
                    out.println(code + "  FAILED  " + e.getMessage());
                    return false;
                }
                if (e instanceof ApiException api && (api.status() == 409 || api.status() == 403)) {
                    break; // the next turn is not ours after all: the turns signed stand
                }
                out.println(code + "  FAILED  signed " + turns + " turn(s), then: " + e.getMessage());
                return false;
            }
            if (!awaitsMe(document)) {
                break;
            }
        }
        out.println(code + "  SIGNED  " + (turns == 1 ? "1 turn" : turns + " turns") + "; status "
                + ServiceClient.text(document, "status") + ", awaiting " + awaiting(document));
        return true;
    }

    /** The token's value must verify against the certificate sent, else the key and the certificate disagree. */
    private void verify(byte[] data, byte[] value, X509Certificate signer) {
        try {
            Signature check = Signature.getInstance(token.signatureAlgorithm());
            check.initVerify(signer.getPublicKey());
            check.update(data);
            if (!check.verify(value)) {
                throw new IllegalStateException("the token's signature does not verify against the certificate "
                        + "(another key? check --key-label and --certificate)");
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot check the token's signature: " + e.getMessage(), e);
        }
    }

    /** The subject as RFC 2253 with the staff ID readable ({@code SERIALNUMBER=GV011@THCS-MK2}, not hex). */
    private static String subject(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().getName(X500Principal.RFC2253, Map.of("2.5.4.5", "SERIALNUMBER"));
    }

    private static String awaiting(JsonNode document) {
        List<String> staff = new ArrayList<>();
        document.path("awaiting").forEach(s -> staff.add(s.asText()));
        return staff.isEmpty() ? "nobody" : String.join(",", staff);
    }

    private static List<X509Certificate> load(Path file) {
        try {
            List<X509Certificate> certificates = ServiceClient.certificates(Files.readAllBytes(file));
            if (certificates.isEmpty()) {
                throw new IllegalStateException(file + " holds no certificate");
            }
            return certificates;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (ApiException e) {
            throw new IllegalStateException(file + ": " + e.getMessage(), e);
        }
    }

    private static void save(List<X509Certificate> certificates, Path file) {
        StringWriter pem = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
            for (X509Certificate c : certificates) {
                writer.writeObject(c);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            Files.writeString(file, pem.toString(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the certificate to " + file + ": " + e.getMessage(), e);
        }
    }
}
