package vn.hocba.archive.common;

/** A local account was created ({@code actor}: the administrator; {@code details}: role and jurisdiction). */
public record AccountCreated(String actor, String username, String details) {
}
