package vn.hocba.signing.http;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Objects;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;

import vn.hocba.signing.SigningException;
import vn.hocba.signing.TimestampSource;

/**
 * An RFC 3161 time-stamping authority over HTTP (RFC 3161 3.4: {@code application/timestamp-query} posted,
 * {@code application/timestamp-reply} answered), with a nonce and {@code certReq} so the token carries the TSA's
 * certificate. The response is checked against the request (imprint, nonce, status) before its token is used.
 * Thread-safe.
 */
public final class HttpTimestampSource implements TimestampSource {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final URI url;
    private final Duration timeout;
    private final HttpClient http;

    /**
     * @param url     the TSA's URL
     * @param timeout how long to wait for an answer (connect and read)
     */
    public HttpTimestampSource(URI url, Duration timeout) {
        this.url = Objects.requireNonNull(url, "url");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public byte[] timestamp(String digestAlgorithm, byte[] digest) {
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(true);
        TimeStampRequest request = generator.generate(oid(digestAlgorithm), digest, new BigInteger(63, RANDOM));
        byte[] answer;
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(url).timeout(timeout)
                    .header("Content-Type", "application/timestamp-query")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(request.getEncoded())).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new SigningException("the time-stamping authority " + url + " answered HTTP "
                        + response.statusCode());
            }
            answer = response.body();
        } catch (IOException e) {
            throw new SigningException("the time-stamping authority " + url + " cannot be reached: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SigningException("interrupted while asking the time-stamping authority", e);
        }
        try {
            TimeStampResponse response = new TimeStampResponse(answer);
            response.validate(request);
            if (response.getTimeStampToken() == null) {
                throw new SigningException("the time-stamping authority " + url + " refused: status "
                        + response.getStatus() + " " + response.getStatusString());
            }
            return response.getTimeStampToken().getEncoded();
        } catch (TSPException | IOException e) {
            throw new SigningException("the time-stamping authority " + url + " gave an unusable answer: "
                    + e.getMessage(), e);
        }
    }

    private static ASN1ObjectIdentifier oid(String digestAlgorithm) {
        return switch (digestAlgorithm.toUpperCase(java.util.Locale.ROOT).replace("-", "")) {
            case "SHA256" -> NISTObjectIdentifiers.id_sha256;
            case "SHA384" -> NISTObjectIdentifiers.id_sha384;
            case "SHA512" -> NISTObjectIdentifiers.id_sha512;
            default -> throw new SigningException("unsupported timestamp digest " + digestAlgorithm);
        };
    }

    @Override
    public String toString() {
        return "HttpTimestampSource[" + url + "]";
    }
}
