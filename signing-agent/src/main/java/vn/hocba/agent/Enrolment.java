package vn.hocba.agent;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.security.cert.X509Certificate;

import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

import vn.hocba.signing.SigningToken;

/**
 * A PKCS#10 certificate request for the key on the token, signed on the token (the private key never leaves it):
 * Bouncy Castle builds the request, a {@link ContentSigner} hands the bytes to {@link SigningToken#sign}.
 */
final class Enrolment {

    private Enrolment() {
    }

    /**
     * @param token   the open token; its certificate gives the public key (and the holder's name, if it has one)
     * @param staffId the caller's account, {@code staffId@schoolCode} (the subject's serialNumber, as the demo CA
     *                names staff: a bare staff ID does not name anyone across schools)
     * @param school  the caller's school code (the subject's O), or null
     * @return the request, PEM ({@code -----BEGIN CERTIFICATE REQUEST-----})
     */
    static String certificateRequest(SigningToken token, String staffId, String school) {
        X509Certificate current = token.certificate();
        X500NameBuilder subject = new X500NameBuilder(BCStyle.INSTANCE);
        subject.addRDN(BCStyle.SERIALNUMBER, staffId);
        subject.addRDN(BCStyle.CN, commonName(current, staffId));
        if (school != null) {
            subject.addRDN(BCStyle.O, school);
        }
        try {
            PKCS10CertificationRequest request = new JcaPKCS10CertificationRequestBuilder(subject.build(),
                    current.getPublicKey()).build(new TokenContentSigner(token));
            StringWriter pem = new StringWriter();
            try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
                writer.writeObject(request);
            }
            return pem.toString();
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode the certificate request", e);
        }
    }

    /** The token certificate's CN (the holder's name as the token knows it), else the staff ID. */
    private static String commonName(X509Certificate certificate, String fallback) {
        X500Name name = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        RDN[] cn = name.getRDNs(BCStyle.CN);
        if (cn.length == 0) {
            return fallback;
        }
        var value = cn[0].getFirst().getValue();
        return value instanceof ASN1String text ? text.getString() : IETFUtils.valueToString(value);
    }

    /** Signs with the token's key: whatever Bouncy Castle writes to the stream is the data to be signed. */
    private static final class TokenContentSigner implements ContentSigner {
        private final SigningToken token;
        private final AlgorithmIdentifier algorithm;
        private final ByteArrayOutputStream data = new ByteArrayOutputStream();

        TokenContentSigner(SigningToken token) {
            this.token = token;
            this.algorithm = new DefaultSignatureAlgorithmIdentifierFinder().find(token.signatureAlgorithm());
        }

        @Override
        public AlgorithmIdentifier getAlgorithmIdentifier() {
            return algorithm;
        }

        @Override
        public OutputStream getOutputStream() {
            return data;
        }

        @Override
        public byte[] getSignature() {
            return token.sign(data.toByteArray());
        }
    }
}
