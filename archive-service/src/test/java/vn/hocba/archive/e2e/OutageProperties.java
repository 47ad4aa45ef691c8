package vn.hocba.archive.e2e;

import java.nio.file.Path;

import org.springframework.test.context.DynamicPropertyRegistry;

/** The service of an outage scenario: the embedded default with the demo accounts, and a quick outbox. */
final class OutageProperties {

    private OutageProperties() {
    }

    /**
     * Data in {@code dataDir}, demo accounts and PKI but no automatic demo school (the test imports it), and the
     * outbox's scheduled resubmission every second, quick enough for a test to see archiving resume, and its pruning
     * every second of every completed publication (the incomplete ones of an outage must survive it).
     */
    static void register(DynamicPropertyRegistry registry, Path dataDir) {
        registry.add("hocba.data-dir", dataDir::toString);
        registry.add("hocba.demo.enabled", () -> "true");
        registry.add("hocba.demo.dataset", () -> "");
        registry.add("hocba.outbox.resubmit-interval", () -> "PT1S");
        registry.add("hocba.outbox.resubmit-after", () -> "PT1S");
        registry.add("hocba.outbox.keep-completed", () -> "PT0S");
        registry.add("hocba.outbox.prune-interval", () -> "PT1S");
    }

    /** As {@link #register}, archiving to a bucket of its own ({@code bucketPrefix}) on the test S3 server. */
    static void registerOnS3(DynamicPropertyRegistry registry, Path dataDir,
                             vn.hocba.storage.s3.S3TestServer server, String bucketPrefix) {
        register(registry, dataDir);
        server.serviceProperties(bucketPrefix).forEach((name, value) -> registry.add(name, () -> value));
    }
}
