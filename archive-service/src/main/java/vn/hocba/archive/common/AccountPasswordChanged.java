package vn.hocba.archive.common;

/** An account's owner changed its password ({@code details}: whether it was the forced change of a first sign-in). */
public record AccountPasswordChanged(String username, String details) {
}
