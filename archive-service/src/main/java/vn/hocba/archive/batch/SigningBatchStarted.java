package vn.hocba.archive.batch;

import java.util.UUID;

/** A batch was created: {@code actor} authorized the signing of {@code total} documents ({@code scope} says which). */
public record SigningBatchStarted(UUID id, String actor, String method, int total, String scope) {
}
