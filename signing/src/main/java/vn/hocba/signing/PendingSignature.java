package vn.hocba.signing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A signature prepared but not yet completed (the first of three steps, ETSI EN 319 142-1 via EU DSS's
 * getDataToSign / signDocument): everything needed to complete it later, in this process or another one after a
 * restart, given the signature value over {@link #dataToSign()}. It names the exact PDF it was prepared on by its
 * SHA-256, so it cannot be completed over another version.
 *
 * @param pdfSha256          lowercase hex SHA-256 of the PDF the signature was prepared on
 * @param level              the level the completed signature gets
 * @param digest             the JCA digest name, e.g. {@code SHA-256}
 * @param signatureAlgorithm the JCA signature algorithm the value must use, e.g. {@code SHA256withRSA}
 * @param chain              the signer's certificate first, then its chain
 * @param request            what the signature says and shows (its signing time is fixed here)
 * @param dataToSign         the DER-encoded CMS signed attributes: the bytes the signer's key signs (the key hashes
 *                           them with {@code digest}; a remote "sign hash" service gets their digest)
 */
public record PendingSignature(String pdfSha256, PadesLevel level, String digest, String signatureAlgorithm,
                               List<X509Certificate> chain, SignatureRequest request, byte[] dataToSign) {

    private static final int FORMAT = 1;

    /** Copies the chain; checks every part is present. */
    public PendingSignature {
        Objects.requireNonNull(pdfSha256, "pdfSha256");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(signatureAlgorithm, "signatureAlgorithm");
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("chain must hold the signer's certificate");
        }
        Objects.requireNonNull(request, "request");
        dataToSign = dataToSign.clone();
    }

    /** @return the signer's certificate */
    public X509Certificate certificate() {
        return chain.get(0);
    }

    @Override
    public byte[] dataToSign() {
        return dataToSign.clone();
    }

    /** @return a self-contained binary form to store (format 1; read back by {@link #decode}) */
    public byte[] encode() {
        try (var bytes = new ByteArrayOutputStream(); var out = new DataOutputStream(bytes)) {
            out.writeInt(FORMAT);
            out.writeUTF(pdfSha256);
            out.writeUTF(level.name());
            out.writeUTF(digest);
            out.writeUTF(signatureAlgorithm);
            out.writeInt(chain.size());
            for (X509Certificate c : chain) {
                writeBytes(out, c.getEncoded());
            }
            SignatureBox box = request.box();
            out.writeInt(box.page());
            out.writeFloat(box.x());
            out.writeFloat(box.y());
            out.writeFloat(box.width());
            out.writeFloat(box.height());
            writeBytes(out, utf8(request.signerName()));
            writeBytes(out, utf8(request.roleLabel()));
            writeNullable(out, request.reason());
            writeNullable(out, request.location());
            out.writeLong(request.signingTime().getEpochSecond());
            out.writeInt(request.signingTime().getNano());
            writeBytes(out, dataToSign);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException | java.security.cert.CertificateEncodingException e) {
            throw new SigningException("cannot encode the pending signature", e);
        }
    }

    /**
     * @param encoded what {@link #encode()} returned
     * @return the pending signature
     * @throws SigningException when the bytes are not a pending signature of a known format
     */
    public static PendingSignature decode(byte[] encoded) {
        try (var in = new DataInputStream(new ByteArrayInputStream(encoded))) {
            int format = in.readInt();
            if (format != FORMAT) {
                throw new SigningException("unknown pending signature format " + format);
            }
            String sha = in.readUTF();
            PadesLevel level = PadesLevel.valueOf(in.readUTF());
            String digest = in.readUTF();
            String algorithm = in.readUTF();
            int n = in.readInt();
            if (n < 1 || n > 16) {
                throw new SigningException("bad chain length " + n);
            }
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            List<X509Certificate> chain = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                chain.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(readBytes(in))));
            }
            SignatureBox box = new SignatureBox(in.readInt(), in.readFloat(), in.readFloat(), in.readFloat(),
                    in.readFloat());
            String name = new String(readBytes(in), java.nio.charset.StandardCharsets.UTF_8);
            String role = new String(readBytes(in), java.nio.charset.StandardCharsets.UTF_8);
            String reason = readNullable(in);
            String location = readNullable(in);
            Instant time = Instant.ofEpochSecond(in.readLong(), in.readInt());
            byte[] data = readBytes(in);
            return new PendingSignature(sha, level, digest, algorithm, chain,
                    new SignatureRequest(box, name, role, reason, location, time), data);
        } catch (IOException | CertificateException | IllegalArgumentException e) {
            throw new SigningException("not a pending signature", e);
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static void writeBytes(DataOutputStream out, byte[] b) throws IOException {
        out.writeInt(b.length);
        out.write(b);
    }

    private static byte[] readBytes(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > 1 << 20) {
            throw new IOException("bad length " + n);
        }
        return in.readNBytes(n);
    }

    private static void writeNullable(DataOutputStream out, String s) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) {
            writeBytes(out, utf8(s));
        }
    }

    private static String readNullable(DataInputStream in) throws IOException {
        return in.readBoolean() ? new String(readBytes(in), java.nio.charset.StandardCharsets.UTF_8) : null;
    }

    @Override
    public String toString() {
        return "PendingSignature[" + level.label() + ", " + certificate().getSubjectX500Principal().getName() + ", pdf "
                + pdfSha256.substring(0, Math.min(12, pdfSha256.length())) + "…]";
    }
}
