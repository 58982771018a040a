package org.duban.app.task;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.duban.api.Role;
import org.duban.app.security.DubanUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The counts per group of the signed-in user's inbox, for the navigation of every page ({@code inboxCounts}). Only
 * a page that is rendered is counted: redirects and the JSON API are not, and the inbox page gives its own.
 */
@Configuration
class InboxCounts implements WebMvcConfigurer, HandlerInterceptor {
    static final String MODEL_NAME = "inboxCounts";
    private static final Logger log = LoggerFactory.getLogger(InboxCounts.class);
    private final Inbox inbox;

    InboxCounts(Inbox inbox) {
        this.inbox = inbox;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).excludePathPatterns("/api/**");
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
                           ModelAndView page) {
        if (page == null || page.getModel().containsKey(MODEL_NAME) || isRedirect(page)) {
            return;
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof DubanUser user)
                || user.role() != Role.UNIT_USER && user.role() != Role.SUPERVISOR && user.role() != Role.ADMIN) {
            return;
        }
        try {
            page.addObject(MODEL_NAME, inbox.counts(user));
        } catch (RuntimeException e) {
            // the page is worth more than its counts: it is shown without them
            log.warn("the inbox counts for the navigation could not be read: {}", e.toString());
        }
    }

    private static boolean isRedirect(ModelAndView page) {
        String view = page.getViewName();
        return view != null && (view.startsWith("redirect:") || view.startsWith("forward:"));
    }
}
