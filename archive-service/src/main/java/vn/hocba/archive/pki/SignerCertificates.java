package vn.hocba.archive.pki;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.sql.Timestamp;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.hocba.archive.common.InvalidInputException;

/**
 * The certificates staff members registered for two-step signing with their own keys (USB token, HSM, remote
 * signing service): one current certificate per staff member of a school ({@code signer_certificate}).
 */
@Repository
public class SignerCertificates {

    /** A registered certificate, signer first, then the chain the signer gave (possibly empty). */
    public record Registered(X509Certificate certificate, List<X509Certificate> chain) {

        /** @return the certificate followed by its chain */
        public List<X509Certificate> fullChain() {
            List<X509Certificate> all = new ArrayList<>();
            all.add(certificate);
            chain.stream().filter(c -> !c.equals(certificate)).forEach(all::add);
            return all;
        }
    }

    private final JdbcClient db;

    SignerCertificates(JdbcClient db) {
        this.db = db;
    }

    /** Registers (or replaces) the staff member's certificate. */
    void register(String school, String staffId, X509Certificate certificate, List<X509Certificate> chain, Instant at) {
        byte[] der = der(certificate);
        byte[] chainBytes = chain.isEmpty() ? null : encode(chain);
        int updated = db.sql("update signer_certificate set certificate = ?, chain = ?, registered_at = ? where school_code = ? and staff_id = ?")
                .params(der, chainBytes, Timestamp.from(at), school, staffId).update();
        if (updated == 0) {
            db.sql("insert into signer_certificate (school_code, staff_id, certificate, chain, registered_at) values (?, ?, ?, ?, ?)")
                    .params(school, staffId, der, chainBytes, Timestamp.from(at)).update();
        }
    }

    /** @return the staff member's registered certificate, if any */
    public Optional<Registered> find(String school, String staffId) {
        return db.sql("select certificate, chain from signer_certificate where school_code = ? and staff_id = ?")
                .params(school, staffId)
                .query((rs, i) -> new Registered(parse(rs.getBytes(1)), rs.getBytes(2) == null ? List.of() : decode(rs.getBytes(2))))
                .optional();
    }

    /**
     * Whether a certificate's subject names that staff member: its serialNumber is {@code staffId@school} (a bare staff
     * id names nobody: ids repeat across schools), or its common name is the staff member's full name (compared in
     * NFC, case-blind).
     */
    static boolean names(X509Certificate certificate, String school, String staffId, String fullName) {
        try {
            // serialNumber by name: by default it would come as the hex of its DER encoding
            String subject = certificate.getSubjectX500Principal().getName(javax.security.auth.x500.X500Principal.RFC2253,
                    java.util.Map.of("2.5.4.5", "SERIALNUMBER"));
            for (Rdn rdn : new LdapName(subject).getRdns()) {
                String value = String.valueOf(rdn.getValue()).strip();
                String type = rdn.getType().toUpperCase(Locale.ROOT);
                if ((type.equals("SERIALNUMBER") || type.equals("2.5.4.5"))
                        && value.equalsIgnoreCase(staffId + "@" + school)) {
                    return true;
                }
                if (type.equals("CN") && fullName != null && fold(value).equals(fold(fullName))) {
                    return true;
                }
            }
        } catch (InvalidNameException e) {
            return false;
        }
        return false;
    }

    private static String fold(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFC).strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /**
     * @param base64 a DER certificate in base64, as the API takes it
     * @param path   where in the request (for the 422)
     * @return the certificate
     * @throws InvalidInputException when it is not one
     */
    public static X509Certificate certificate(String base64, String path) {
        if (base64 == null || base64.isBlank()) {
            throw new InvalidInputException("invalid-certificate", path, "a base64 DER certificate is required",
                    "cần chứng thư số (DER, base64)");
        }
        try {
            return parse(java.util.Base64.getMimeDecoder().decode(base64.strip()));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("invalid-certificate", path, "not a base64 DER X.509 certificate",
                    "không phải chứng thư số X.509 (DER, base64)");
        }
    }

    private static X509Certificate parse(byte[] der) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException | ClassCastException e) {
            throw new IllegalArgumentException("not a certificate", e);
        }
    }

    private static byte[] der(X509Certificate c) {
        try {
            return c.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static byte[] encode(List<X509Certificate> chain) {
        try (var bytes = new ByteArrayOutputStream(); var out = new DataOutputStream(bytes)) {
            for (X509Certificate c : chain) {
                byte[] der = der(c);
                out.writeInt(der.length);
                out.write(der);
            }
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<X509Certificate> decode(byte[] bytes) {
        List<X509Certificate> out = new ArrayList<>();
        try (var in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            while (in.available() > 0) {
                out.add(parse(in.readNBytes(in.readInt())));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }
}
