package vn.hocba.archive.pki;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How signatures are made ({@code hocba.signing.*}).
 *
 * @param signatureLevel    the level of each signature as it is made: {@code B-B} or {@code B-T} (default: a trusted
 *                          time for every signature)
 * @param archiveLevel      the level a document is extended to once its sequence completes, before it is archived:
 *                          {@code B-LT} (certificates and revocation data kept in the file) or {@code B-LTA} (default:
 *                          plus a document timestamp, renewable for as long as the record is kept)
 * @param archiveLevels     per document type ({@code STUDENT_RECORD}, {@code CLASS_GRADEBOOK}, {@code CLASS_SUMMARY}),
 *                          overriding {@code archiveLevel}
 * @param tsaUrl            the RFC 3161 time-stamping authority; empty on the embedded demo, which runs its own
 * @param trustAnchors      PEM files of the roots (and issuing CAs) signers' certificates must chain to (Vietnam's
 *                          national root and the licensed CAs, the government CA); the demo adds its own root
 * @param timeout           how long to wait for the TSA, OCSP responders and CRL servers
 * @param checkReuse        how long a passed certificate check (chain, validity, not revoked) is reused for the same
 *                          certificate before it is checked again
 * @param renewBefore       an archived file gets a new archive timestamp when the certificate of its newest document
 *                          timestamp expires within this (default 365 days)
 * @param renewalBatch      at most this many documents examined and renewed per run
 * @param remote            a remote signing service (Cloud Signature Consortium API) holding staff keys; its credential
 *                          for a staff member is named {@code staffId@schoolCode}
 * @param demoServicesPort  the loopback port of the demo PKI's TSA, OCSP and CRL services; 0 picks a free one on first
 *                          start and keeps it (the certificates name it)
 */
@ConfigurationProperties("hocba.signing")
public record SigningProperties(@DefaultValue("B-T") String signatureLevel,
                                @DefaultValue("B-LTA") String archiveLevel,
                                Map<String, String> archiveLevels,
                                URI tsaUrl,
                                List<Path> trustAnchors,
                                @DefaultValue("10s") Duration timeout,
                                @DefaultValue("5m") Duration checkReuse,
                                @DefaultValue("365d") Duration renewBefore,
                                @DefaultValue("500") int renewalBatch,
                                Remote remote,
                                @DefaultValue("0") int demoServicesPort) {

    /**
     * @param url         the CSC service's base URL (the part before {@code /csc/v2/...}); unset: no remote signing
     * @param version     {@code V1} (CSC API v1.0.4.0, e.g. Viettel MySign) or {@code V2} (v2.0.0.2)
     * @param accessToken the OAuth 2.0 bearer token the service granted (from the environment only:
     *                    {@code HOCBA_SIGNING_REMOTE_ACCESS_TOKEN})
     */
    public record Remote(URI url, @DefaultValue("V2") String version, String accessToken) {
    }

    /** Empty collections instead of null. */
    public SigningProperties {
        archiveLevels = archiveLevels == null ? Map.of() : Map.copyOf(archiveLevels);
        trustAnchors = trustAnchors == null ? List.of() : List.copyOf(trustAnchors);
    }
}
