package vn.hocba.archive.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import vn.hocba.archive.common.Access;
import vn.hocba.archive.common.Allowed;
import vn.hocba.archive.common.Caller;
import vn.hocba.archive.common.ForbiddenException;

/**
 * The authorization table's gate ({@link Access}): before any handler of the service runs, the caller's kind of
 * account must be one its {@link Allowed} row admits. A handler of the service without a row is refused to everyone
 * (deny by default) and logged as the defect it is. Handlers outside the service (the OpenAPI description, Spring's
 * own) are left to the security filter chain. A refusal is a {@link ForbiddenException}: {@code 403} problem+json on
 * the API, the error page in a browser. An account that must change its password (its first sign-in with a password
 * someone else chose) is let through only to change it: pages send it to {@code /account/password}, the API answers
 * {@code 403 …/password-change-required}.
 */
@Configuration
class AccessGate implements HandlerInterceptor, WebMvcConfigurer {

    private static final Logger log = LoggerFactory.getLogger(AccessGate.class);
    private static final String SERVICE_PACKAGE = "vn.hocba.";

    private final LocalAccounts accounts;

    AccessGate(LocalAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).order(Ordered.HIGHEST_PRECEDENCE);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws java.io.IOException {
        if (!(handler instanceof HandlerMethod method)
                || !method.getBeanType().getName().startsWith(SERVICE_PACKAGE)) {
            return true;
        }
        if (sessionOutlivedItsPassword(request, response)) {
            return false;
        }
        Access row = rowOf(method);
        if (row == null) {
            log.error("refused {} {}: handler {} names no row of the authorization table", request.getMethod(),
                    request.getRequestURI(), method.getShortLogMessage());
            throw new ForbiddenException("no one may call this", "không ai được gọi chức năng này");
        }
        if (!row.admits(caller())) {
            throw new ForbiddenException("your account may not do this (" + row.name() + ": " + row.scope() + ")",
                    "tài khoản của bạn không được làm việc này (" + row.name() + ": " + row.scopeVi() + ")");
        }
        if (mustChangePassword() && !UNTIL_CHANGED.contains(row)) {
            // a first sign-in with a password someone else chose: nothing else until it is changed
            if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
                throw new PasswordChangeRequired();
            }
            response.sendRedirect(request.getContextPath() + "/account/password");
            return false;
        }
        return true;
    }

    /**
     * A browser session signed in before its account's password last changed (on another device, or through the API)
     * ends here: signed out, and sent to sign in again. API calls carry their password each time and have no session.
     */
    private boolean sessionOutlivedItsPassword(HttpServletRequest request, HttpServletResponse response)
            throws java.io.IOException {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (request.getSession(false) == null || authentication == null
                || !(authentication.getPrincipal() instanceof HocbaUser user)) {
            return false;
        }
        var changed = accounts.passwordChangedAt(user.getUsername());
        if (changed.isEmpty() || !changed.get().isAfter(user.loadedAt())) {
            return false;
        }
        new org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler()
                .logout(request, response, authentication);
        response.sendRedirect(request.getContextPath() + "/login?passwordChanged");
        return true;
    }

    /** What an account that must change its password may still do: change it, sign in and out, verify. */
    private static final java.util.Set<Access> UNTIL_CHANGED = java.util.EnumSet.of(Access.OWN_ACCOUNT, Access.SIGN_IN,
            Access.VERIFY);

    private static boolean mustChangePassword() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof HocbaUser user
                && user.mustChangePassword();
    }

    /** 403: the account must change its password first ({@code PUT /api/v1/accounts/me/password}). */
    static final class PasswordChangeRequired extends vn.hocba.archive.common.HocbaException {
        PasswordChangeRequired() {
            super(org.springframework.http.HttpStatus.FORBIDDEN, "password-change-required",
                    "this account must change its password first: PUT /api/v1/accounts/me/password",
                    "tài khoản này phải đổi mật khẩu trước: PUT /api/v1/accounts/me/password");
        }
    }

    /** The row of a handler: its method's {@link Allowed}, else its class's; null when neither names one. */
    static Access rowOf(HandlerMethod method) {
        return rowOf(method.getMethod(), method.getBeanType());
    }

    /** The row of {@code method} as a handler of a {@code beanType} controller. */
    static Access rowOf(java.lang.reflect.Method method, Class<?> beanType) {
        Allowed allowed = AnnotatedElementUtils.findMergedAnnotation(method, Allowed.class);
        if (allowed == null) {
            allowed = AnnotatedElementUtils.findMergedAnnotation(beanType, Allowed.class);
        }
        return allowed == null ? null : allowed.value();
    }

    private static Caller caller() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof HocbaUser user ? user.caller() : null;
    }
}
