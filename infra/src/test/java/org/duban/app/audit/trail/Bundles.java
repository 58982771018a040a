package org.duban.app.audit.trail;

import org.springframework.context.support.ResourceBundleMessageSource;

/** The page bundles as the application reads them, for tests without a Spring context. */
final class Bundles {
    private Bundles() {
    }

    static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("i18n/common", "i18n/events", "i18n/task", "i18n/inbox", "i18n/audit", "i18n/plan",
                "i18n/import", "i18n/unit", "i18n/admin", "i18n/home");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }
}
