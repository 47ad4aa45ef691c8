package vn.hocba.signing.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.HttpURLConnection;
import java.net.URI;
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

    /**
     * @param url     the TSA's URL
     * @param timeout how long to wait for an answer (connect and read)
     */
    public HttpTimestampSource(URI url, Duration timeout) {
        this.url = Objects.requireNonNull(url, "url");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    @Override
    public byte[] timestamp(String digestAlgorithm, byte[] digest) {
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(true);
        TimeStampRequest request = generator.generate(oid(digestAlgorithm), digest, new BigInteger(63, RANDOM));
        byte[] answer;
        try {
            // HttpURLConnection, not java.net.http.HttpClient: the request and its answer are written and read by the
            // signing thread itself (kept-alive connections are pooled by the JDK), where HttpClient hands each answer
            // from its selector thread to a pool thread and then to the caller, three wake-ups a timestamp that on a
            // busy 2-core machine wait their turn while the signer idles
            byte[] query = request.getEncoded();
            HttpURLConnection connection = (HttpURLConnection) url.toURL().openConnection();
            int millis = (int) Math.min(Math.max(timeout.toMillis(), 1), Integer.MAX_VALUE); // 0 would wait forever
            connection.setConnectTimeout(millis);
            connection.setReadTimeout(millis);
            connection.setInstanceFollowRedirects(false); // as HttpClient's default: a TSA's answer is its own
            connection.setDoOutput(true);
            connection.setRequestMethod("POST");
            connection.setRequestProperty("Content-Type", "application/timestamp-query");
            // not streamed: the JDK then sends the headers and the small body in one write (streamed, they went as two
            // segments, and Nagle's algorithm held the second until the first was acknowledged)
            try (OutputStream out = connection.getOutputStream()) {
                out.write(query);
            }
            int status = connection.getResponseCode();
            if (status != 200) {
                try (InputStream error = connection.getErrorStream()) {
                    if (error != null) {
                        error.readAllBytes(); // read to the end: the connection goes back to the pool
                    }
                }
                throw new SigningException("the time-stamping authority " + url + " answered HTTP " + status);
            }
            try (InputStream in = connection.getInputStream()) {
                answer = in.readAllBytes();
            }
        } catch (IOException e) {
            throw new SigningException("the time-stamping authority " + url + " cannot be reached: " + e.getMessage(), e);
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
