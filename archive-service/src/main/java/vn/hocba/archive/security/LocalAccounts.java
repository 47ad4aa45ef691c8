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
        return db.sql("select username, password_hash, role, province, district from account where username = ?")
                .param(username)
                .query((rs, i) -> HocbaUser.inspector(rs.getString(1), rs.getString(2),
                        new Caller.Jurisdiction(rs.getString(4), rs.getString(5))))
                .optional()
                .orElseThrow(() -> new UsernameNotFoundException("no such account"));
    }

    /** A new account as {@code POST /api/v1/accounts} takes it. */
    record NewAccount(String username, String password, String role, String province, String district) {
    }

    /**
     * Creates an inspector account with its audit entry, in one transaction.
     *
     * @throws InvalidInputException (422) a field is missing or malformed, with its path
     * @throws HocbaException        (409 {@code account-exists}) the name is taken (here or by a demo account)
     */
    @Transactional
    void create(NewAccount account, String actor, java.util.function.Predicate<String> takenElsewhere) {
        if (account == null) {
            throw new InvalidInputException("invalid-account", "", "the body must be an account", "thân yêu cầu phải là một tài khoản");
        }
        String username = account.username() == null ? "" : account.username().strip();
        if (!USERNAME.matcher(username).matches()) {
            throw new InvalidInputException("invalid-account", "username",
                    "username must be 3 to 64 lower-case letters, digits, '.', '_' or '-'",
                    "tên đăng nhập phải dài 3 đến 64 ký tự, gồm chữ thường không dấu, chữ số, '.', '_' hoặc '-'");
        }
        String password = account.password() == null ? "" : account.password();
        if (password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD || password.isBlank()) {
            throw new InvalidInputException("invalid-account", "password",
                    "password must be " + MIN_PASSWORD + " to " + MAX_PASSWORD + " characters",
                    "mật khẩu phải dài từ " + MIN_PASSWORD + " đến " + MAX_PASSWORD + " ký tự");
        }
        if (!"INSPECTOR".equals(account.role())) {
            throw new InvalidInputException("invalid-account", "role",
                    "role must be INSPECTOR (staff accounts come from the school's dataset)",
                    "vai trò phải là INSPECTOR (tài khoản cán bộ lấy từ dữ liệu của trường)");
        }
        String province = blankToNull(account.province());
        String district = blankToNull(account.district());
        if (province == null || province.length() > 255) {
            throw new InvalidInputException("invalid-account", "province", "province is required (at most 255 characters)",
                    "phải có tỉnh/thành phố (tối đa 255 ký tự)");
        }
        if (district != null && district.length() > 255) {
            throw new InvalidInputException("invalid-account", "district", "district is at most 255 characters",
                    "quận/huyện tối đa 255 ký tự");
        }
        boolean exists = takenElsewhere.test(username) || db.sql("select count(*) from account where username = ?")
                .param(username).query(Long.class).single() > 0;
        if (exists) {
            throw new AccountExists(username);
        }
        province = vn.hocba.archive.common.Texts.nfc(province);
        district = district == null ? null : vn.hocba.archive.common.Texts.nfc(district);
        db.sql("insert into account (username, password_hash, role, province, district, created_at, created_by) values (?, ?, ?, ?, ?, ?, ?)")
                .params(username, encoder.encode(password), "INSPECTOR", province, district,
                        Timestamp.from(clock.instant()), actor)
                .update();
        events.publishEvent(new vn.hocba.archive.common.AccountCreated(actor, username, "role=INSPECTOR province=" + province
                + (district == null ? "" : " district=" + district)));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static final class AccountExists extends HocbaException {
        AccountExists(String username) {
            super(HttpStatus.CONFLICT, "account-exists", "an account named " + username + " exists already",
                    "đã có tài khoản tên " + username);
        }
    }
}
