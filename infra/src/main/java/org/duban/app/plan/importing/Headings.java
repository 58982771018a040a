package org.duban.app.plan.importing;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits a heading as written into its code and title: "一、…工程", "（一）…", "1.…". */
final class Headings {
    private static final Pattern CODED = Pattern.compile(
            "^((?:[一二三四五六七八九十百]+[、.．])|(?:[（(][一二三四五六七八九十百]+[）)])|(?:\\d+[.．、](?!\\d))|(?:[（(]\\d+[）)]))\\s*(.+)$",
            Pattern.DOTALL);

    private Headings() {
    }

    /** @return {code, title}; the code is empty when the heading has none */
    static String[] split(String heading) {
        String text = heading.strip();
        Matcher coded = CODED.matcher(text);
        if (coded.matches()) {
            return new String[]{coded.group(1), coded.group(2).strip()};
        }
        return new String[]{"", text};
    }

    /** Two headings are the same section when they differ only in spacing and a closing full stop. */
    static String key(String heading) {
        return heading.replaceAll("[\\s\\u3000]+", "").replaceAll("[。.．]+$", "");
    }
}
