package org.duban.app.web;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reporting periods in words (2026年第四季度, Q4 2026) from their keys (2026-Q4, 2026-M11, 2026-H1, 2026). Templates
 * call it as {@code @periodNames}; a key it cannot read is shown as it is.
 */
@Component("periodNames")
public class PeriodNames {
    private static final Pattern KEY = Pattern.compile("(\\d{4})(?:-(M(\\d{2})|Q([1-4])|H([12])))?");
    private final MessageSource messages;

    public PeriodNames(MessageSource messages) {
        this.messages = messages;
    }

    /** In the language of the page being written. */
    public String name(String periodKey) {
        return name(periodKey, LocaleContextHolder.getLocale());
    }

    public String name(String periodKey, Locale locale) {
        if (periodKey == null) {
            return "";
        }
        Matcher key = KEY.matcher(periodKey.strip());
        if (!key.matches()) {
            return periodKey;
        }
        String year = key.group(1);
        if (key.group(3) != null) {
            return messages.getMessage("period.month", new Object[]{year, Integer.parseInt(key.group(3)),
                    messages.getMessage("period.monthName." + Integer.parseInt(key.group(3)), null, locale)}, locale);
        }
        if (key.group(4) != null) {
            return messages.getMessage("period.quarter", new Object[]{year, key.group(4),
                    messages.getMessage("period.quarterName." + key.group(4), null, locale)}, locale);
        }
        if (key.group(5) != null) {
            return messages.getMessage("period.half." + key.group(5), new Object[]{year}, locale);
        }
        return messages.getMessage("period.year", new Object[]{year}, locale);
    }
}
