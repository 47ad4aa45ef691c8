package vn.hocba.archive.security;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import vn.hocba.archive.common.Access;
import vn.hocba.archive.common.Allowed;
import vn.hocba.archive.common.Caller;
import vn.hocba.archive.common.ForbiddenException;

/**
 * {@code POST /api/v1/accounts} (API.md "Accounts"): the system administrator creates an inspector whose jurisdiction
 * is a district of a province, or the whole province ({@code district} null). 201 with the account (no password);
 * 403 anyone else; 409 the name is taken; 422 a bad field, with its path.
 */
@Allowed(Access.ADMINISTER)
@RestController
class AccountController {

    private final LocalAccounts local;
    private final UserDetailsService accounts;
    private final LoginThrottle throttle;

    AccountController(LocalAccounts local, UserDetailsService accounts, LoginThrottle throttle) {
        this.local = local;
        this.accounts = accounts;
        this.throttle = throttle;
    }

    /** {@code PUT /api/v1/accounts/me/password}'s body. */
    record PasswordChange(String currentPassword, String newPassword)
            implements vn.hocba.archive.common.StrictRequestBody {
    }

    @PostMapping("/api/v1/accounts")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "201", description = "Created (no password in the answer)")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "403", description = "Not the system administrator",
            content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/problem+json",
                    schema = @io.swagger.v3.oas.annotations.media.Schema(ref = "#/components/schemas/Problem")))
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "409", description = "The name is taken",
            content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/problem+json",
                    schema = @io.swagger.v3.oas.annotations.media.Schema(ref = "#/components/schemas/Problem")))
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "422", description = "A bad field, named by its path",
            content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/problem+json",
                    schema = @io.swagger.v3.oas.annotations.media.Schema(ref = "#/components/schemas/Problem")))
    ResponseEntity<LocalAccounts.Created> create(@RequestBody(required = false) LocalAccounts.NewAccount body,
                                                 Caller caller) {
        return ResponseEntity.status(HttpStatus.CREATED).body(createAccount(body, caller));
    }

    /**
     * The caller changes its own password ({@link LocalAccounts#changePassword}): {@code 204}; {@code 422} a wrong
     * current password ({@code currentPassword}) or a bad new one ({@code newPassword}); {@code 409} a demo account.
     * The one call an account that must change its password may make.
     */
    @org.springframework.web.bind.annotation.PutMapping("/api/v1/accounts/me/password")
    @Allowed(Access.OWN_ACCOUNT)
    ResponseEntity<Void> changePassword(@RequestBody(required = false) PasswordChange body, Caller caller) {
        changeOwnPassword(caller, body == null ? null : body.currentPassword(), body == null ? null : body.newPassword());
        return ResponseEntity.noContent().build();
    }

    /**
     * The caller's own password change, for the API and the page alike. The current password is checked as a sign-in
     * is: a wrong one counts against the name, and the name is locked after as many as a sign-in allows (a session
     * left open must not become a way to guess the password and keep the account).
     *
     * @throws LocalAccounts.WrongCurrentPassword (422) a wrong current password, counted
     * @throws PasswordAttemptsLocked              (429) too many wrong ones: the name is locked for a while
     */
    void changeOwnPassword(Caller caller, String current, String next) {
        var outcome = throttle.guarded(caller.username(), () -> {
            local.checkPassword(caller.username(), current);
            return Boolean.TRUE;
        }, LocalAccounts.WrongCurrentPassword.class);
        if (outcome instanceof LoginThrottle.Locked<Boolean> locked) {
            throw new PasswordAttemptsLocked(locked.until());
        }
        if (outcome instanceof LoginThrottle.Failed<Boolean> failed) {
            throw failed.failure();
        }
        local.changePassword(caller.username(), current, next);
    }

    /** 429: too many wrong passwords for this name; it is locked until {@code until}, as after failed sign-ins. */
    static final class PasswordAttemptsLocked extends vn.hocba.archive.common.HocbaException {
        PasswordAttemptsLocked(java.time.Instant until) {
            super(HttpStatus.TOO_MANY_REQUESTS, "sign-in-locked", "too many wrong passwords: locked until " + until,
                    "nhập sai mật khẩu quá nhiều lần: tạm khoá đến " + until);
        }
    }

    /**
     * The system administrator creates a local account ({@link LocalAccounts#create}), for the API and the accounts
     * page alike.
     *
     * @throws ForbiddenException (403) anyone else
     */
    LocalAccounts.Created createAccount(LocalAccounts.NewAccount body, Caller caller) {
        requireAdministrator(caller);
        return local.create(body, caller.username(), this::takenByAnother);
    }

    /** @throws ForbiddenException (403) unless the caller is the system administrator */
    static void requireAdministrator(Caller caller) {
        if (caller == null || !caller.administrator()) {
            throw new ForbiddenException("only the system administrator manages accounts",
                    "chỉ quản trị hệ thống được quản lý tài khoản");
        }
    }

    /** A name that signs in already (a demo account) cannot be taken by a new one. */
    private boolean takenByAnother(String username) {
        try {
            accounts.loadUserByUsername(username);
            return true;
        } catch (UsernameNotFoundException e) {
            return false;
        }
    }
}
