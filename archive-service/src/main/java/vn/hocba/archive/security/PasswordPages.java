package vn.hocba.archive.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.hocba.archive.common.Access;
import vn.hocba.archive.common.Allowed;
import vn.hocba.archive.common.Caller;
import vn.hocba.archive.common.HocbaException;

/**
 * "Đổi mật khẩu": the signed-in person changes their own password ({@link AccountController#changeOwnPassword}: a
 * wrong current password counts as a failed sign-in). An account
 * that must change its password is sent here from every other page until it has. Once changed, the session ends and
 * the person signs in again with the new password.
 */
@Allowed(Access.OWN_ACCOUNT)
@Controller
class PasswordPages {

    private final AccountController accounts;

    PasswordPages(AccountController accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/account/password")
    String form(Model model) {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        model.addAttribute("forced", authentication != null && authentication.getPrincipal() instanceof HocbaUser user
                && user.mustChangePassword());
        return "password";
    }

    @PostMapping("/account/password")
    String change(@RequestParam(defaultValue = "") String currentPassword,
                  @RequestParam(defaultValue = "") String newPassword,
                  @RequestParam(defaultValue = "") String confirmation, Caller caller, RedirectAttributes flash,
                  HttpServletRequest request, HttpServletResponse response) {
        if (!newPassword.equals(confirmation)) {
            flash.addFlashAttribute("error", "Mật khẩu nhập lại không khớp. / The two new passwords differ.");
            return "redirect:/account/password";
        }
        try {
            accounts.changeOwnPassword(caller, currentPassword, newPassword);
        } catch (HocbaException e) {
            flash.addFlashAttribute("error", e.detailVi() + " / " + e.getMessage());
            return "redirect:/account/password";
        }
        // the session still holds the account as it signed in: end it, and sign in again with the new password
        new SecurityContextLogoutHandler().logout(request, response, SecurityContextHolder.getContext().getAuthentication());
        return "redirect:/login?passwordChanged";
    }
}
