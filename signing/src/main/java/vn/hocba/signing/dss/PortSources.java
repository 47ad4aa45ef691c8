package vn.hocba.signing.dss;

import java.io.IOException;
import java.math.BigInteger;
import java.util.Optional;

import eu.europa.esig.dss.crl.CRLBinary;
import eu.europa.esig.dss.crl.CRLUtils;
import eu.europa.esig.dss.crl.CRLValidity;
import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.RevocationOrigin;
import eu.europa.esig.dss.model.DSSException;
import eu.europa.esig.dss.model.TimestampBinary;
import eu.europa.esig.dss.spi.x509.revocation.crl.CRLSource;
import eu.europa.esig.dss.spi.x509.revocation.crl.CRLToken;
import eu.europa.esig.dss.spi.x509.revocation.ocsp.OCSPSource;
import eu.europa.esig.dss.spi.x509.revocation.ocsp.OCSPToken;
import eu.europa.esig.dss.spi.x509.tsp.TSPSource;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.SingleResp;

import vn.hocba.signing.RevocationSource;
import vn.hocba.signing.SigningException;
import vn.hocba.signing.TimestampSource;

/** The project's ports as the sources EU DSS asks: a TSA, an OCSP source, a CRL source. */
final class PortSources {

    private PortSources() {
    }

    static TSPSource tsp(TimestampSource timestamps) {
        return new Tsp(timestamps, size -> { });
    }

    /**
     * @param tokenSize told the DER length of every timestamp token obtained
     */
    static TSPSource tsp(TimestampSource timestamps, java.util.function.IntConsumer tokenSize) {
        return new Tsp(timestamps, tokenSize);
    }

    /** Serializable only because DSS's interface says so; never serialized. */
    private static final class Tsp implements TSPSource {
        private static final long serialVersionUID = 1L;
        private final transient TimestampSource timestamps;
        private final transient java.util.function.IntConsumer tokenSize;

        Tsp(TimestampSource timestamps, java.util.function.IntConsumer tokenSize) {
            this.timestamps = timestamps;
            this.tokenSize = tokenSize;
        }

        @Override
        public TimestampBinary getTimeStampResponse(DigestAlgorithm digestAlgorithm, byte[] digest) {
            try {
                byte[] token = timestamps.timestamp(digestAlgorithm.getJavaName(), digest);
                tokenSize.accept(token.length);
                return new TimestampBinary(token);
            } catch (SigningException e) {
                throw new DSSException(e.getMessage(), e);
            }
        }
    }

    static OCSPSource ocsp(RevocationSource revocation) {
        return (certificate, issuer) -> {
            if (issuer == null) {
                return null;
            }
            Optional<byte[]> answer = revocation.ocsp(certificate.getCertificate(), issuer.getCertificate());
            if (answer.isEmpty()) {
                return null;
            }
            try {
                OCSPResp response = new OCSPResp(answer.get());
                if (response.getStatus() != OCSPResp.SUCCESSFUL
                        || !(response.getResponseObject() instanceof BasicOCSPResp basic)) {
                    return null;
                }
                BigInteger serial = certificate.getSerialNumber();
                for (SingleResp single : basic.getResponses()) {
                    if (single.getCertID().getSerialNumber().equals(serial)) {
                        OCSPToken token = new OCSPToken(basic, single, certificate, issuer);
                        token.setExternalOrigin(RevocationOrigin.EXTERNAL);
                        return token;
                    }
                }
                return null;
            } catch (IOException | OCSPException | RuntimeException e) {
                // an unreadable answer counts as none; the CRL may still serve
                return null;
            }
        };
    }

    static CRLSource crl(RevocationSource revocation) {
        return (certificate, issuer) -> {
            if (issuer == null) {
                return null;
            }
            Optional<byte[]> crl = revocation.crl(certificate.getCertificate(), issuer.getCertificate());
            if (crl.isEmpty()) {
                return null;
            }
            try {
                CRLBinary binary = CRLUtils.buildCRLBinary(crl.get());
                CRLValidity validity = CRLUtils.buildCRLValidity(binary, issuer);
                CRLToken token = new CRLToken(certificate, validity);
                token.setExternalOrigin(RevocationOrigin.EXTERNAL);
                return token;
            } catch (IOException | RuntimeException e) {
                return null;
            }
        };
    }
}
