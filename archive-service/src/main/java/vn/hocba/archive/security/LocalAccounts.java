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

/**
 * Accounts kept in the {@code account} table, on every configuration: today the inspectors that the administrator
 * creates (API.md "Accounts": {@code POST /api/v1/accounts}), with a BCrypt password hash and a jurisdiction.
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

    LocalAccounts(JdbcClient db, PasswordEncoder encoder, Clock clock, ApplicationEventPublisher events) {
        this.db = db;
        this.encoder = encoder;
        this.clock = clock;
        this.events = events;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return db.sql("select username, password_hash, role, province, district from account where username = ? and role = 'INSPECTOR' and province is not null")
                .param(username)
                .query((rs, i) -> HocbaUser.inspector(rs.getString(1), rs.getString(2),
                        new Caller.Jurisdiction(rs.getString(4), rs.getString(5))))
                .optional()
                .orElseThrow(() -> new UsernameNotFoundException("no such account"));
    }

    /** A local account as the administrator's page lists it (never its password hash). */
    record Listed(String username, String role, String province, String district, java.time.Instant createdAt,
                  String createdBy) {
    }

    /** Every local account, the newest first. */
    java.util.List<Listed> list() {
        return db.sql("select username, role, province, district, created_at, created_by from account order by created_at desc")
                .query((rs, i) -> new Listed(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant(), rs.getString(6)))
                .list();
    }

    /** A new account as {@code POST /api/v1/accounts} takes it. */
    record NewAccount(String username, String password, String role, String province, String district) {
    }

    /**
     * Creates an inspector account with its audit entry, in one transaction.
     *
     * @return the account's name and jurisdiction as stored (NFC)
     * @throws InvalidInputException (422) a field is missing or malformed, with its path
     * @throws HocbaException        (409 {@code account-exists}) the name is taken (here or by a demo account)
     */
    @Transactional
    Caller.Jurisdiction create(NewAccount account, String actor, java.util.function.Predicate<String> takenElsewhere) {
        if (account == null) {
            throw new InvalidInputException("invalid-account", "", "the body must be an account", "thân yêu cầu phải là một tài khoản");
        }
        String username = account.username() == null ? "" : account.username(); // not trimmed: what is stored is what was sent
        if (!USERNAME.matcher(username).matches()) {
            throw new InvalidInputException("invalid-account", "username",
                    "username must be 3 to 64 lower-case letters, digits, '.', '_' or '-'",
                    "tên đăng nhập phải dài 3 đến 64 ký tự, gồm chữ thường không dấu, chữ số, '.', '_' hoặc '-'");
        }
        String password = account.password() == null ? "" : account.password();
        if (password.codePointCount(0, password.length()) < MIN_PASSWORD || password.isBlank()
                || password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_PASSWORD) {
            throw new InvalidInputException("invalid-account", "password",
                    "password must be at least " + MIN_PASSWORD + " characters and at most " + MAX_PASSWORD
                            + " bytes in UTF-8 (a letter with diacritics takes 2 or 3)",
                    "mật khẩu phải có ít nhất " + MIN_PASSWORD + " ký tự và không quá " + MAX_PASSWORD
                            + " byte UTF-8 (chữ có dấu chiếm 2 hoặc 3 byte)");
        }
        if (!"INSPECTOR".equals(account.role())) {
            throw new InvalidInputException("invalid-account", "role",
                    "role must be INSPECTOR (staff accounts come from the school's dataset)",
                    "vai trò phải là INSPECTOR (tài khoản cán bộ lấy từ dữ liệu của trường)");
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
        boolean exists = takenElsewhere.test(username) || db.sql("select count(*) from account where username = ?")
                .param(username).query(Long.class).single() > 0;
        if (exists) {
            throw new AccountExists(username);
        }
        db.sql("insert into account (username, password_hash, role, province, district, created_at, created_by) values (?, ?, ?, ?, ?, ?, ?)")
                .params(username, encoder.encode(password), "INSPECTOR", province, district,
                        Timestamp.from(clock.instant()), actor)
                .update();
        events.publishEvent(new vn.hocba.archive.common.AccountCreated(actor, username, "role=INSPECTOR province=" + province
                + (district == null ? "" : " district=" + district)));
        return new Caller.Jurisdiction(province, district);
    }

    private static boolean hasControl(String s) {
        return s.codePoints().anyMatch(c -> Character.getType(c) == Character.CONTROL || Character.getType(c) == Character.FORMAT);
    }

    static final class AccountExists extends HocbaException {
        AccountExists(String username) {
            super(HttpStatus.CONFLICT, "account-exists", "an account named " + username + " exists already",
                    "đã có tài khoản tên " + username);
        }
    }
}
