package vn.hocba.archive.security;

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
import vn.hocba.archive.common.InvalidInputException;

/**
 * The system administrator's accounts page (issue 18): the local accounts (inspectors today, with their
 * jurisdiction), and a form that creates one with the same rules as {@code POST /api/v1/accounts}. Anyone else: 403.
 */
@Allowed(Access.ADMINISTER)
@Controller
class AccountPages {

    private final LocalAccounts local;
    private final AccountController api;

    AccountPages(LocalAccounts local, AccountController api) {
        this.local = local;
        this.api = api;
    }

    @GetMapping("/admin/accounts")
    String accounts(Caller caller, Model model) {
        AccountController.requireAdministrator(caller);
        model.addAttribute("accounts", local.list());
        return "admin-accounts";
    }

    @PostMapping("/admin/accounts")
    String create(@RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "") String password,
                  @RequestParam(defaultValue = "") String province, @RequestParam(defaultValue = "") String district,
                  Caller caller, RedirectAttributes flash) {
        AccountController.requireAdministrator(caller);
        try {
            // an empty district field means the whole province, as the form says (the API's null)
            api.createAccount(new LocalAccounts.NewAccount(username, password, "INSPECTOR", province,
                    district.isBlank() ? null : district), caller);
            flash.addFlashAttribute("message", "Đã tạo tài khoản " + username + ". / Account created.");
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("error", e.detailVi() + " — " + e.getMessage());
        } catch (HocbaException e) {
            flash.addFlashAttribute("error", e.detailVi() + " (" + e.getMessage() + ")");
        }
        return "redirect:/admin/accounts";
    }

    /** A staff member's account, {@code {staff}@{school}}, with a temporary password (changed at the first sign-in). */
    @PostMapping("/admin/accounts/staff")
    String createStaff(@RequestParam(defaultValue = "") String school, @RequestParam(defaultValue = "") String staff,
                       @RequestParam(defaultValue = "") String password, Caller caller, RedirectAttributes flash) {
        AccountController.requireAdministrator(caller);
        String username = staff + "@" + school;
        try {
            api.createAccount(new LocalAccounts.NewAccount(username, password, LocalAccounts.STAFF, null, null, school,
                    staff, true), caller);
            flash.addFlashAttribute("message", "Đã tạo tài khoản " + username + ". / Account created.");
        } catch (HocbaException e) {
            flash.addFlashAttribute("error", e.detailVi() + " — " + e.getMessage());
        }
        return "redirect:/admin/accounts";
    }
}
