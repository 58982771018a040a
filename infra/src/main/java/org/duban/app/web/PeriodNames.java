package org.duban.app.web;

import org.springframework.stereotype.Component;

import java.time.Month;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reporting period in words, as the offices write it: 2026年第四季度, 2026年11月, 2026年上半年, 2026年; in English
 * Q4 2026, November 2026, H1 2026, 2026. A key of no known shape is shown as it is. Templates call it as
 * {@code @periodNames.name(key, #locale)}.
 */
@Component("periodNames")
public class PeriodNames {
    private static final Pattern KEY = Pattern.compile("(\\d{4})(?:-(?:M(\\d{2})|Q([1-4])|H([12])))?");
    private static final String[] CHINESE_QUARTERS = {"一", "二", "三", "四"};

    public String name(String periodKey, Locale locale) {
        if (periodKey == null) {
            return "";
        }
        Matcher key = KEY.matcher(periodKey);
        if (!key.matches()) {
            return periodKey;
        }
        boolean english = locale != null && "en".equals(locale.getLanguage());
        String year = key.group(1);
        if (key.group(2) != null) {
            int month = Integer.parseInt(key.group(2));
            if (month < 1 || month > 12) {
                return periodKey;
            }
            return english ? Month.of(month).getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + year
                    : year + "年" + month + "月";
        }
        if (key.group(3) != null) {
            int quarter = Integer.parseInt(key.group(3));
            return english ? "Q" + quarter + " " + year : year + "年第" + CHINESE_QUARTERS[quarter - 1] + "季度";
        }
        if (key.group(4) != null) {
            boolean first = "1".equals(key.group(4));
            return english ? "H" + key.group(4) + " " + year : year + "年" + (first ? "上" : "下") + "半年";
        }
        return english ? year : year + "年";
    }
}
