package org.duban.app.plan.importing;

import org.apache.poi.xwpf.usermodel.XWPFParagraph;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The numbers Word draws in front of automatically numbered paragraphs ("一、", "（一）", "1.", a table's 序号
 * column), which are not in the paragraphs' text: counted in document order per list and level, as Word counts
 * them, so that what is read is what the reader sees.
 */
final class WordNumbering {
    private static final String CHINESE_DIGITS = "零一二三四五六七八九";

    private final Map<BigInteger, int[]> counters = new HashMap<>();

    /** The label Word shows before this paragraph, or "" when it is not numbered (or is a bullet). */
    String label(XWPFParagraph paragraph) {
        BigInteger list = paragraph.getNumID();
        if (list == null || list.signum() == 0) {
            return "";
        }
        int level = paragraph.getNumIlvl() == null ? 0 : paragraph.getNumIlvl().intValue();
        String pattern = paragraph.getNumLevelText();
        String format = paragraph.getNumFmt();
        if (level < 0 || level > 8 || pattern == null || format == null || format.equals("bullet")
                || format.equals("none")) {
            return "";
        }
        int[] count = counters.computeIfAbsent(list, id -> new int[9]);
        BigInteger start = paragraph.getNumStartOverride();
        count[level] = count[level] == 0 ? (start == null ? 1 : start.intValue()) : count[level] + 1;
        for (int deeper = level + 1; deeper < count.length; deeper++) {
            count[deeper] = 0;
        }
        StringBuilder label = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '%' && i + 1 < pattern.length() && Character.isDigit(pattern.charAt(i + 1))) {
                int of = pattern.charAt(++i) - '1';
                int value = of >= 0 && of < count.length ? Math.max(count[of], 1) : 1;
                label.append(of == level ? format(value, format) : String.valueOf(value));
            } else {
                label.append(c);
            }
        }
        return label.toString();
    }

    static String format(int value, String format) {
        return switch (format) {
            case "chineseCounting", "chineseCountingThousand", "chineseLegalSimplified", "ideographTraditional",
                 "taiwaneseCounting", "japaneseCounting" -> chinese(value);
            case "decimalEnclosedCircle", "decimalEnclosedCircleChinese" ->
                    value >= 1 && value <= 20 ? String.valueOf((char) ('①' + value - 1)) : String.valueOf(value);
            case "upperLetter" -> letters(value, 'A');
            case "lowerLetter" -> letters(value, 'a');
            case "upperRoman" -> roman(value);
            case "lowerRoman" -> roman(value).toLowerCase(Locale.ROOT);
            case "decimalFullWidth", "decimalFullWidth2" -> String.valueOf(value).chars()
                    .mapToObj(d -> String.valueOf((char) (d - '0' + '０'))).reduce("", String::concat);
            default -> String.valueOf(value);
        };
    }

    /** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五, as Chinese documents number their parts. */
    static String chinese(int value) {
        if (value <= 0 || value >= 1000) {
            return String.valueOf(value);
        }
        int hundreds = value / 100;
        int tens = value / 10 % 10;
        int ones = value % 10;
        StringBuilder text = new StringBuilder();
        if (hundreds > 0) {
            text.append(CHINESE_DIGITS.charAt(hundreds)).append('百');
            if (tens == 0 && ones > 0) {
                text.append('零');
            }
        }
        if (tens > 0) {
            if (tens > 1 || hundreds > 0) {
                text.append(CHINESE_DIGITS.charAt(tens));
            }
            text.append('十');
        }
        if (ones > 0) {
            text.append(CHINESE_DIGITS.charAt(ones));
        }
        return text.toString();
    }

    private static String letters(int value, char first) {
        StringBuilder text = new StringBuilder();
        for (int n = value; n > 0; n = (n - 1) / 26) {
            text.insert(0, (char) (first + (n - 1) % 26));
        }
        return text.toString();
    }

    private static String roman(int value) {
        int[] numbers = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};
        String[] symbols = {"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"};
        StringBuilder text = new StringBuilder();
        int rest = value;
        for (int i = 0; i < numbers.length; i++) {
            while (rest >= numbers[i]) {
                text.append(symbols[i]);
                rest -= numbers[i];
            }
        }
        return text.toString();
    }
}
