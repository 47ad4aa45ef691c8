package vn.hocba.archive.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.regex.Pattern;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.annotation.Transactional;

import vn.hocba.archive.common.Caller;
import vn.hocba.archive.common.HocbaException;
import vn.hocba.archive.common.InvalidInputException;
import vn.hocba.archive.common.StaffRole;
import vn.hocba.archive.school.SchoolDirectory;

/**
 * Accounts kept in the {@code account} table, on every configuration, each with a BCrypt password hash: the inspectors
 * and staff accounts that the administrator creates (API.md "Accounts": {@code POST /api/v1/accounts}), and the system
 * administrator of a server installation ({@link AdministratorBootstrap}). A staff account ({@code {staffId}@{school}})
 * signs in with the roles of its school's current year, as a demo account does, and only while that year lists it.
 * An account whose password someone else chose must change it first ({@link HocbaUser#mustChangePassword()}).
 */
class LocalAccounts implements UserDetailsService {

    /** Lower-case letters, digits, '.', '_' and '-', 3 to 64 long; '@' is kept for staff accounts. */
    static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");
    static final int MIN_PASSWORD = 8;
    static final int MAX_PASSWORD = 72; // BCrypt reads no further

    private final JdbcClient db;
    private final PasswordEncoder encoder;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final SchoolDirectory directory;

    LocalAccounts(JdbcClient db, PasswordEncoder encoder, Clock clock, ApplicationEventPublisher events,
                  SchoolDirectory directory) {
        this.db = db;
        this.encoder = encoder;
        this.clock = clock;
        this.events = events;
        this.directory = directory;
    }

    /** The kinds of local account ({@code account.role}). */
    static final String INSPECTOR = "INSPECTOR";
    static final String STAFF = "STAFF";
    static final String SYSTEM_ADMIN = "SYSTEM_ADMIN";

    @Override
    public UserDetails loadUserByUsername(String username) {
        record Row(String hash, String role, String province, String district, String school, String staffId,
                   boolean mustChange) {
        }
        Row row = db.sql("select password_hash, role, province, district, school_code, staff_id, must_change_password"
                        + " from account where username = ?")
                .param(username)
                .query((rs, i) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getBoolean(7)))
                .optional()
                .orElseThrow(() -> new UsernameNotFoundException("no such account"));
        HocbaUser user = switch (row.role()) {
            case INSPECTOR -> row.province() == null ? null
                    : HocbaUser.inspector(username, row.hash(), new Caller.Jurisdiction(row.province(), row.district()));
            case SYSTEM_ADMIN -> HocbaUser.withRoles(username, row.hash(), null, null, "Quản trị hệ thống",
                    java.util.Set.of(StaffRole.ADMIN));
            // the roles of the school's current year; not listed this year, not signed in (as a demo account)
            case STAFF -> directory.currentStaff(row.school(), row.staffId(), java.time.LocalDate.now(clock).getYear())
                    .map(s -> HocbaUser.withRoles(username, row.hash(), row.school(), row.staffId(), s.fullName(),
                            s.roles()))
                    .orElse(null);
            default -> null;
        };
        if (user == null) {
            throw new UsernameNotFoundException("no such account");
        }
        return user.requiringPasswordChange(row.mustChange());
    }

    /** A local account as the administrator's page lists it (never its password hash). */
    record Listed(String username, String role, String province, String district, String school, String staff,
                  boolean mustChangePassword, java.time.Instant createdAt, String createdBy) {
    }

    /** Every local account, the newest first. */
    java.util.List<Listed> list() {
        return db.sql("select username, role, province, district, school_code, staff_id, must_change_password,"
                        + " created_at, created_by from account order by created_at desc")
                .query((rs, i) -> new Listed(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getBoolean(7), rs.getTimestamp(8).toInstant(),
                        rs.getString(9)))
                .list();
    }

    /**
     * A new account as {@code POST /api/v1/accounts} takes it: an inspector ({@code province}, {@code district}), or
     * a staff member of an imported school ({@code school}, {@code staff}; the name is {@code {staff}@{school}}).
     * {@code temporaryPassword}: the owner must change it at the first sign-in; always so for staff accounts, on
     * request for an inspector's (API.md's inspector signs in with the password it was given).
     */
    record NewAccount(String username, String password, String role, String province, String district, String school,
                      String staff, Boolean temporaryPassword) implements vn.hocba.archive.common.StrictRequestBody {

        /** An inspector's account, its password to be kept. */
        NewAccount(String username, String password, String role, String province, String district) {
            this(username, password, role, province, district, null, null, null);
        }
    }

    /**
     * Creates an inspector's or a staff member's account with its audit entry, in one transaction.
     *
     * @return the account as stored (names in NFC)
     * @throws InvalidInputException (422) a field is missing or malformed, with its path
     * @throws HocbaException        (409 {@code account-exists}) the name is taken (here or by a demo account)
     */
    @Transactional
    Created create(NewAccount account, String actor, java.util.function.Predicate<String> takenElsewhere) {
        if (account == null) {
            throw new InvalidInputException("invalid-account", "", "the body must be an account", "thân yêu cầu phải là một tài khoản");
        }
        String username = account.username() == null ? "" : account.username(); // not trimmed: what is stored is what was sent
        if (!STAFF.equals(account.role()) && !USERNAME.matcher(username).matches()) {
            throw new InvalidInputException("invalid-account", "username",
                    "username must be 3 to 64 lower-case letters, digits, '.', '_' or '-'",
                    "tên đăng nhập phải dài 3 đến 64 ký tự, gồm chữ thường không dấu, chữ số, '.', '_' hoặc '-'");
        }
        String password = account.password() == null ? "" : account.password();
        requireGoodPassword(password, "password");
        if (STAFF.equals(account.role())) {
            return createStaff(account, username, password, actor, takenElsewhere);
        }
        if (!INSPECTOR.equals(account.role())) {
            throw new InvalidInputException("invalid-account", "role",
                    "role must be INSPECTOR or STAFF",
                    "vai trò phải là INSPECTOR (thanh tra) hoặc STAFF (cán bộ của trường)");
        }
        String province = account.province() == null ? null : vn.hocba.archive.common.Texts.nfc(account.province()).strip();
        String district = account.district() == null ? null : vn.hocba.archive.common.Texts.nfc(account.district()).strip();
        // a name of spaces, hyphens or apostrophes only compares as empty, and would match schools without one
        if (province == null || province.length() > 255 || hasControl(province)
                || vn.hocba.archive.common.Texts.plainName(province).isEmpty()) {
            throw new InvalidInputException("invalid-account", "province",
                    "province is required: a name of at most 255 characters, without control characters",
                    "phải có tỉnh/thành phố: tên tối đa 255 ký tự, không chứa ký tự điều khiển");
        }
        // a blank district is refused, not read as the whole province: a form's empty field must not widen access
        if (district != null && (district.length() > 255 || hasControl(district)
                || vn.hocba.archive.common.Texts.plainName(district).isEmpty())) {
            throw new InvalidInputException("invalid-account", "district",
                    "district is null (the whole province) or a name of at most 255 characters, without control characters",
                    "quận/huyện là null (cả tỉnh) hoặc tên tối đa 255 ký tự, không chứa ký tự điều khiển");
        }
        requireFree(username, takenElsewhere);
        boolean temporary = Boolean.TRUE.equals(account.temporaryPassword());
        db.sql("insert into account (username, password_hash, role, province, district, created_at, created_by,"
                        + " must_change_password) values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(username, encoder.encode(password), INSPECTOR, province, district,
                        Timestamp.from(clock.instant()), actor, temporary)
                .update();
        events.publishEvent(new vn.hocba.archive.common.AccountCreated(actor, username, "role=INSPECTOR province=" + province
                + (district == null ? "" : " district=" + district)));
        return new Created(username, INSPECTOR, province, district, null, null, temporary);
    }

    /** A staff account: the school's current year must list the staff member; the password is temporary. */
    private Created createStaff(NewAccount account, String username, String password, String actor,
                                            java.util.function.Predicate<String> takenElsewhere) {
        String school = account.school() == null ? "" : account.school();
        String staffId = account.staff() == null ? "" : account.staff();
        if (school.isEmpty()
                || directory.currentStaff(school, staffId, java.time.LocalDate.now(clock).getYear()).isEmpty()) {
            throw new InvalidInputException("invalid-account", "staff",
                    "the current school year of school '" + school + "' does not list staff member '" + staffId + "'",
                    "năm học hiện tại của trường '" + school + "' không có cán bộ '" + staffId + "'");
        }
        if (username.length() > 64) {
            throw new InvalidInputException("invalid-account", "username", "an account name has at most 64 characters",
                    "tên tài khoản tối đa 64 ký tự");
        }
        if (!username.equals(staffId + "@" + school)) {
            throw new InvalidInputException("invalid-account", "username",
                    "a staff account is named {staff}@{school}: " + staffId + "@" + school,
                    "tài khoản cán bộ có tên dạng {mã cán bộ}@{mã trường}: " + staffId + "@" + school);
        }
        requireFree(username, takenElsewhere);
        db.sql("insert into account (username, password_hash, role, school_code, staff_id, created_at, created_by,"
                        + " must_change_password) values (?, ?, ?, ?, ?, ?, ?, true)")
                .params(username, encoder.encode(password), STAFF, school, staffId, Timestamp.from(clock.instant()), actor)
                .update();
        events.publishEvent(new vn.hocba.archive.common.AccountCreated(actor, username,
                "role=STAFF school=" + school + " staff=" + staffId));
        return new Created(username, STAFF, null, null, school, staffId, true);
    }

    /**
     * The owner changes the account's password: {@code current} must be the password it has, {@code next} a good one
     * and another. Clears the first sign-in's forced change. Audited.
     *
     * @throws InvalidInputException (422) at {@code currentPassword} a wrong current password, at {@code newPassword}
     *                               a password too short, too long or the same
     * @throws HocbaException        (409 {@code fixed-password}) the account is not a local one (a demo account)
     */
    @Transactional
    void changePassword(String username, String current, String next) {
        // checked again under the row's lock: a change made meanwhile (another session) makes this one's wrong
        boolean forced = requireCurrent(username, current, " for update");
        requireGoodPassword(next == null ? "" : next, "newPassword");
        if (next.equals(current)) {
            throw new InvalidInputException("invalid-password", "newPassword",
                    "the new password must differ from the current one", "mật khẩu mới phải khác mật khẩu hiện tại");
        }
        db.sql("update account set password_hash = ?, must_change_password = false, password_changed_at = ? where username = ?")
                .params(encoder.encode(next), Timestamp.from(clock.instant()), username)
                .update();
        events.publishEvent(new vn.hocba.archive.common.AccountPasswordChanged(username,
                forced ? "first sign-in" : "changed"));
    }

    /** When the account's password was last changed by its owner; empty for a demo account or one never changed. */
    java.util.Optional<java.time.Instant> passwordChangedAt(String username) {
        return db.sql("select password_changed_at from account where username = ?").param(username)
                .query((rs, i) -> rs.getTimestamp(1)).list().stream().filter(java.util.Objects::nonNull)
                .map(Timestamp::toInstant).findFirst();
    }

    /** Whether a system administrator account exists. */
    boolean hasAdministrator() {
        return db.sql("select count(*) from account where role = ?").param(SYSTEM_ADMIN).query(Long.class).single() > 0;
    }

    /**
     * Checks {@code current} against the account's password, without a transaction of its own (the sign-in count's
     * check runs it under the name's lock, {@link LoginThrottle#guarded}).
     *
     * @throws WrongCurrentPassword (422 at {@code currentPassword}) it is not the account's password
     * @throws FixedPassword        (409) the account is not a local one
     */
    void checkPassword(String username, String current) {
        requireCurrent(username, current, "");
    }

    /** @return whether the account must change its password; {@code lock} "" or " for update" */
    private boolean requireCurrent(String username, String current, String lock) {
        record Stored(String hash, boolean mustChange) {
        }
        Stored stored = db.sql("select password_hash, must_change_password from account where username = ?" + lock)
                .param(username).query((rs, i) -> new Stored(rs.getString(1), rs.getBoolean(2))).optional()
                .orElseThrow(FixedPassword::new);
        if (current == null || !encoder.matches(current, stored.hash())) {
            throw new WrongCurrentPassword();
        }
        return stored.mustChange();
    }

    /** @throws AccountExists (409) the name is taken, here or by another kind of account (a demo account) */
    private void requireFree(String username, java.util.function.Predicate<String> takenElsewhere) {
        if (takenElsewhere.test(username) || db.sql("select count(*) from account where username = ?")
                .param(username).query(Long.class).single() > 0) {
            throw new AccountExists(username);
        }
    }

    /** 422: the current password given to change it is wrong (counted as a failed sign-in of the name). */
    static final class WrongCurrentPassword extends InvalidInputException {
        WrongCurrentPassword() {
            super("invalid-password", "currentPassword", "the current password is wrong", "mật khẩu hiện tại không đúng");
        }
    }

    /**
     * Creates the system administrator {@code username} with a password to change at the first sign-in, unless a
     * system administrator exists already.
     *
     * @return whether it was created
     */
    @Transactional
    boolean createFirstAdministrator(String username, String password) {
        if (db.sql("select count(*) from account where role = ? or username = ?").params(SYSTEM_ADMIN, username)
                .query(Long.class).single() > 0) {
            return false; // the variable is never read again once an administrator exists
        }
        requireGoodPassword(password, "hocba.admin.initial-password");
        db.sql("insert into account (username, password_hash, role, created_at, created_by, must_change_password)"
                        + " values (?, ?, ?, ?, ?, true)")
                .params(username, encoder.encode(password), SYSTEM_ADMIN, Timestamp.from(clock.instant()), "system")
                .update();
        events.publishEvent(new vn.hocba.archive.common.AccountCreated("system", username,
                "role=SYSTEM_ADMIN (hocba.admin.initial-password)"));
        return true;
    }

    private static void requireGoodPassword(String password, String path) {
        if (password.codePointCount(0, password.length()) < MIN_PASSWORD || password.isBlank()
                || password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_PASSWORD) {
            throw new InvalidInputException("invalid-account", path,
                    "password must be at least " + MIN_PASSWORD + " characters and at most " + MAX_PASSWORD
                            + " bytes in UTF-8 (a letter with diacritics takes 2 or 3)",
                    "mật khẩu phải có ít nhất " + MIN_PASSWORD + " ký tự và không quá " + MAX_PASSWORD
                            + " byte UTF-8 (chữ có dấu chiếm 2 hoặc 3 byte)");
        }
    }

    private static boolean hasControl(String s) {
        return s.codePoints().anyMatch(c -> Character.getType(c) == Character.CONTROL || Character.getType(c) == Character.FORMAT);
    }

    /** The account is not a local one (a demo account): its password is fixed. */
    static final class FixedPassword extends HocbaException {
        FixedPassword() {
            super(HttpStatus.CONFLICT, "fixed-password", "this account's password cannot be changed (a demo account)",
                    "không thể đổi mật khẩu của tài khoản này (tài khoản demo)");
        }
    }

    /**
     * An account as created: its name and kind, an inspector's jurisdiction or a staff member's school and id, and
     * whether its password must be changed at the first sign-in. Never its password.
     */
    record Created(String username, String role, String province, String district, String school, String staff,
                   boolean temporaryPassword) {
    }

    static final class AccountExists extends HocbaException {
        AccountExists(String username) {
            super(HttpStatus.CONFLICT, "account-exists", "an account named " + username + " exists already",
                    "đã có tài khoản tên " + username);
        }
    }
}
