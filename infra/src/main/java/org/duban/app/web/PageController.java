package org.duban.app.web;

import org.duban.app.security.oidc.ClaimMapping;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in page; the start page is each role's home ({@code org.duban.app.home}). */
@Controller
class PageController {
    /** Present on profile oidc only. */
    private final ClaimMapping claims;

    PageController(ObjectProvider<ClaimMapping> claims) {
        this.claims = claims.getIfAvailable();
    }

    /**
     * On profile oidc the page offers the provider's sign-in, the form staying for evaluators' round accounts, and
     * says in words which part of the person the provider did not give when that was why the sign-in was refused.
     */
    @GetMapping("/login")
    String login(@RequestParam(name = "refused", required = false) String refused, Model model) {
        if (claims != null) {
            model.addAttribute("providerSignIn", "/oauth2/authorization/duban");
            if (refused != null) {
                model.addAttribute("refusedMessage", "login.refused." + claims.partNamedBy(refused));
            }
        }
        return "login";
    }
}
