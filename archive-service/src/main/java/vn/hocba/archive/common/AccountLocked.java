package vn.hocba.archive.common;

import java.time.Instant;

/**
 * An account name was locked after {@code failures} failed sign-ins in a row, until {@code until} (any name tried,
 * whether or not an account has it; names over 255 characters as their sha256).
 */
public record AccountLocked(String username, int failures, Instant until) {
}
