package vn.hocba.archive.batch;

import java.util.UUID;

/** Every document of a batch has its outcome (each signature was audited by the workflow as it was made). */
public record SigningBatchFinished(UUID id, String actor, int total, int signed, int failed, int skipped) {
}
