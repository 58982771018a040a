package org.duban.app.web;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page; the start page is each role's home ({@code org.duban.app.home}). */
@Controller
class PageController {
    private final boolean oidc;

    PageController(Environment environment) {
        this.oidc = environment.matchesProfiles("oidc");
    }

    /** On profile oidc the page offers the provider's sign-in, the form staying for evaluators' round accounts. */
    @GetMapping("/login")
    String login(Model model) {
        if (oidc) {
            model.addAttribute("providerSignIn", "/oauth2/authorization/duban");
        }
        return "login";
    }
}
