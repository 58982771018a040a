package org.duban.api.indicator;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading numbers as Chinese government tables write them. */
final class Quantity {
    static final Pattern NUMBER = Pattern.compile("[-+]?\\d+(?:\\.\\d+)?");
    /** 13—15, 13-15, 13~15, 13至15, 1–2 (any dash); a percent sign may follow either number. */
    static final Pattern RANGE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*%?\\s*(?:—+|–|－|-|~|～|至|到)\\s*(\\d+(?:\\.\\d+)?)\\s*(%?)");
    static final Pattern MISSING = Pattern.compile("[—–\\-－/／、]*|无|暂无|空");

    private Quantity() {
    }

    static String normalize(String written) {
        return written.strip().replace('，', ',').replace(",", "").replace('％', '%').replace('．', '.')
                .replaceAll("\\s+", "");
    }

    static boolean isMissing(String normalized) {
        return MISSING.matcher(normalized).matches();
    }

    static BigDecimal exact(String normalized, String written) {
        Matcher number = NUMBER.matcher(normalized);
        if (!number.find()) {
            throw new IllegalArgumentException("\"" + written + "\" is not a number");
        }
        String rest = normalized.substring(0, number.start()) + normalized.substring(number.end());
        if (!rest.isEmpty() && !rest.equals("%") && !rest.equals("‰") && !rest.matches("[\\p{IsHan}]{1,3}")) {
            throw new IllegalArgumentException("\"" + written + "\" is not a number");
        }
        BigDecimal value = new BigDecimal(number.group());
        // the views keep 16 digits before the point and 4 after it
        if (value.abs().compareTo(LARGEST) >= 0 || value.stripTrailingZeros().scale() > 4) {
            throw new IllegalArgumentException("\"" + written + "\" is out of range: at most 15 digits before the "
                    + "decimal point and 4 after it are accepted");
        }
        return value;
    }

    private static final BigDecimal LARGEST = new BigDecimal("1000000000000000");
}
