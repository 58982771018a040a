package org.duban.app.plan.importing;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits a heading as written into its code and title: "一、…工程", "（一）…", "1.…". */
final class Headings {
    private static final Pattern CODED = Pattern.compile(
            "^((?:第[一二三四五六七八九十百]+[部章篇][分]?\\s*)|(?:[一二三四五六七八九十百]+[、.．])|(?:[（(][一二三四五六七八九十百]+[）)])|(?:\\d+[.．、](?!\\d))|(?:[（(]\\d+[）)])|(?:[①-⑳]))\\s*(.+)$",
            Pattern.DOTALL);

    /** The numbering styles of Chinese official documents, in the order they usually nest. */
    enum Style { PART, CHINESE, CHINESE_IN_PARENTHESES, ARABIC, ARABIC_IN_PARENTHESES, CIRCLED, NONE }

    private Headings() {
    }

    /** @return {code, title}; the code is empty when the heading has none */
    static String[] split(String heading) {
        String text = heading.strip();
        Matcher coded = CODED.matcher(text);
        if (coded.matches()) {
            return new String[]{coded.group(1).strip(), coded.group(2).strip()};
        }
        return new String[]{"", text};
    }

    static Style style(String code) {
        if (code.isEmpty()) {
            return Style.NONE;
        }
        char first = code.charAt(0);
        if (first == '第') {
            return Style.PART;
        }
        if (first == '（' || first == '(') {
            return Character.isDigit(code.charAt(1)) ? Style.ARABIC_IN_PARENTHESES : Style.CHINESE_IN_PARENTHESES;
        }
        if (Character.isDigit(first)) {
            return Style.ARABIC;
        }
        if (first >= '①' && first <= '⑳') {
            return Style.CIRCLED;
        }
        return Style.CHINESE;
    }

    /** Two headings are the same section when they differ only in spacing and a closing full stop. */
    static String key(String heading) {
        return heading.replaceAll("[\\s\\u3000]+", "").replaceAll("[。.．]+$", "");
    }

    /** 工作任务 "一、总体要求" → the title without a closing full stop ("（一）加强组织领导。" → 加强组织领导). */
    static String title(String title) {
        return title.replaceAll("[。.．；;：:]+$", "").strip();
    }
}
