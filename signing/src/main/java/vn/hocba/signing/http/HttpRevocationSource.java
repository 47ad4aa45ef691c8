package vn.hocba.signing.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.bouncycastle.asn1.ASN1IA5String;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

import vn.hocba.signing.RevocationSource;

/**
 * Revocation data fetched over HTTP from the URLs a certificate names: the OCSP responder in its Authority
 * Information Access (RFC 6960, POST) and the CRLs in its CRL Distribution Points (RFC 5280 4.2.1.13). CRLs are
 * cached until their nextUpdate; OCSP answers are not cached (each signature's check is fresh). An unreachable
 * server gives empty, not an exception: the caller decides what missing data means. Thread-safe.
 */
public final class HttpRevocationSource implements RevocationSource {

    private final Duration timeout;
    private final HttpClient http;
    private final Clock clock;
    private final Map<URI, X509CRL> crls = new ConcurrentHashMap<>();

    /**
     * @param timeout how long to wait for each server
     * @param clock   the time that decides whether a cached CRL is still current
     */
    public HttpRevocationSource(Duration timeout, Clock clock) {
        this.timeout = timeout;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public Optional<byte[]> ocsp(X509Certificate certificate, X509Certificate issuer) {
        List<URI> responders = accessLocations(certificate, AccessDescription.id_ad_ocsp);
        if (responders.isEmpty()) {
            return Optional.empty();
        }
        byte[] request;
        try {
            CertificateID id = new CertificateID(new JcaDigestCalculatorProviderBuilder().build()
                    .get(CertificateID.HASH_SHA1), new JcaX509CertificateHolder(issuer), certificate.getSerialNumber());
            request = new OCSPReqBuilder().addRequest(id).build().getEncoded();
        } catch (Exception e) {
            return Optional.empty();
        }
        for (URI responder : responders) {
            Optional<byte[]> answer = send(HttpRequest.newBuilder(responder).timeout(timeout)
                    .header("Content-Type", "application/ocsp-request")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(request)).build());
            if (answer.isPresent()) {
                return answer;
            }
        }
        return Optional.empty();
    }

    @Override
    public Optional<byte[]> crl(X509Certificate certificate, X509Certificate issuer) {
        Instant now = clock.instant();
        for (URI point : distributionPoints(certificate)) {
            X509CRL cached = crls.get(point);
            if (cached != null && cached.getNextUpdate() != null && cached.getNextUpdate().toInstant().isAfter(now)) {
                return Optional.of(encoded(cached));
            }
            Optional<byte[]> fetched = send(HttpRequest.newBuilder(point).timeout(timeout).GET().build());
            if (fetched.isPresent()) {
                try {
                    X509CRL crl = (X509CRL) java.security.cert.CertificateFactory.getInstance("X.509")
                            .generateCRL(new java.io.ByteArrayInputStream(fetched.get()));
                    crl.verify(issuer.getPublicKey());
                    crls.put(point, crl);
                    return fetched;
                } catch (Exception notACrlOfThatIssuer) {
                    // try the next distribution point
                }
            }
        }
        return Optional.empty();
    }

    private Optional<byte[]> send(HttpRequest request) {
        if (!"http".equalsIgnoreCase(request.uri().getScheme()) && !"https".equalsIgnoreCase(request.uri().getScheme())) {
            return Optional.empty();
        }
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return response.statusCode() == 200 ? Optional.of(response.body()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static byte[] encoded(X509CRL crl) {
        try {
            return crl.getEncoded();
        } catch (java.security.cert.CRLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @param certificate a certificate
     * @param method      {@code id-ad-ocsp} or {@code id-ad-caIssuers}
     * @return the URIs of that access method in its Authority Information Access, in order
     */
    public static List<URI> accessLocations(X509Certificate certificate, org.bouncycastle.asn1.ASN1ObjectIdentifier method) {
        byte[] value = certificate.getExtensionValue(Extension.authorityInfoAccess.getId());
        List<URI> out = new ArrayList<>();
        if (value == null) {
            return out;
        }
        try {
            AuthorityInformationAccess access = AuthorityInformationAccess.getInstance(
                    ASN1Primitive.fromByteArray(DEROctetString.getInstance(value).getOctets()));
            for (AccessDescription description : access.getAccessDescriptions()) {
                if (description.getAccessMethod().equals(method)) {
                    uri(description.getAccessLocation()).ifPresent(out::add);
                }
            }
        } catch (IOException | RuntimeException malformed) {
            // a malformed extension names no location
        }
        return out;
    }

    private static List<URI> distributionPoints(X509Certificate certificate) {
        byte[] value = certificate.getExtensionValue(Extension.cRLDistributionPoints.getId());
        List<URI> out = new ArrayList<>();
        if (value == null) {
            return out;
        }
        try {
            CRLDistPoint points = CRLDistPoint.getInstance(
                    ASN1Primitive.fromByteArray(DEROctetString.getInstance(value).getOctets()));
            for (DistributionPoint point : points.getDistributionPoints()) {
                DistributionPointName name = point.getDistributionPoint();
                if (name != null && name.getType() == DistributionPointName.FULL_NAME) {
                    for (GeneralName general : GeneralNames.getInstance(name.getName()).getNames()) {
                        uri(general).ifPresent(out::add);
                    }
                }
            }
        } catch (IOException | RuntimeException malformed) {
            // a malformed extension names no location
        }
        return out;
    }

    private static Optional<URI> uri(GeneralName name) {
        if (name.getTagNo() != GeneralName.uniformResourceIdentifier) {
            return Optional.empty();
        }
        try {
            return Optional.of(URI.create(ASN1IA5String.getInstance(name.getName()).getString()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
