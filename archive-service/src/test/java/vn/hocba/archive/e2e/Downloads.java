package vn.hocba.archive.e2e;

import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** What the scenarios compute on what they download: a file's sha256, the certificates of a PEM answer. */
final class Downloads {

    private Downloads() {
    }

    /** Lower-case hex SHA-256, as the API names versions. */
    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /** Every certificate of a PEM bundle (e.g. {@code GET /api/v1/pki/trust-anchors}), in order. */
    static List<X509Certificate> certificates(byte[] pem) throws Exception {
        List<X509Certificate> out = new ArrayList<>();
        for (var c : CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(pem))) {
            out.add((X509Certificate) c);
        }
        return out;
    }
}
