package org.duban.app.web;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import java.time.Month;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reporting period's key (2026-Q4, 2026-M11, 2026-H1, 2026) in the reader's words: 2026年第四季度, 2026年11月,
 * 2026年上半年, 2026年 in Chinese; Q4 2026, November 2026, H1 2026, 2026 in English. Pages call it as
 * {@code @periodNames.name(key)}.
 */
@Component("periodNames")
public class PeriodNames {
    private static final Pattern KEY = Pattern.compile("(\\d{4})(?:-(?:M(\\d{2})|Q([1-4])|H([12])))?");
    private static final String[] QUARTERS = {"一", "二", "三", "四"};

    /** In the language of the page being rendered. */
    public String name(String periodKey) {
        return name(periodKey, LocaleContextHolder.getLocale());
    }

    /** A key that is no period is shown as it is. */
    public String name(String periodKey, Locale locale) {
        if (periodKey == null) {
            return "";
        }
        Matcher key = KEY.matcher(periodKey);
        if (!key.matches()) {
            return periodKey;
        }
        String year = key.group(1);
        boolean english = "en".equals(locale.getLanguage());
        if (key.group(2) != null) {
            int month = Integer.parseInt(key.group(2));
            return english ? Month.of(month).getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + year
                    : year + "年" + month + "月";
        }
        if (key.group(3) != null) {
            int quarter = Integer.parseInt(key.group(3));
            return english ? "Q" + quarter + " " + year : year + "年第" + QUARTERS[quarter - 1] + "季度";
        }
        if (key.group(4) != null) {
            boolean first = key.group(4).equals("1");
            return english ? "H" + key.group(4) + " " + year : year + "年" + (first ? "上半年" : "下半年");
        }
        return english ? year : year + "年";
    }
}
