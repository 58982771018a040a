package org.duban.app.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page; the start page is each role's home ({@code org.duban.app.home}). */
@Controller
class PageController {

    @GetMapping("/login")
    String login() {
        return "login";
    }
}
