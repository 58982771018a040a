package org.duban.api.indicator;

import org.duban.api.Limits;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Matcher;

/**
 * An indicator's target (目标值) for a year: exact (1), a range (13—15, 1-2), a lower bound (不少于16, 不低于20%, ≥)
 * or an upper bound (不高于, 不超过, ≤, 低于). {@code low} is set for EXACT, RANGE and AT_LEAST; {@code high} for
 * EXACT, RANGE and AT_MOST.
 */
public record Target(Integer year, TargetKind kind, BigDecimal low, BigDecimal high, boolean percent,
                     String asWritten) {
    public Target {
        if (asWritten != null && asWritten.length() > Limits.VALUE) {
            throw new IllegalArgumentException("target \"" + asWritten.substring(0, 20) + "…\" is " + asWritten.length()
                    + " characters long; at most " + Limits.VALUE + " are accepted");
        }
    }


    private static final List<String> AT_LEAST = List.of("不少于", "不低于", "不小于", "至少", "大于等于", "≥", ">=", "＞＝", "超过", "高于", "大于", ">", "以上");
    private static final List<String> AT_MOST = List.of("不多于", "不高于", "不超过", "不大于", "小于等于", "≤", "<=", "低于", "小于", "<", "以下", "以内");

    /** Reads a target cell; throws with the value named when it is not understood or is missing. */
    public static Target parse(Integer year, String written) {
        String text = written == null ? "" : written.strip();
        String normalized = Quantity.normalize(text);
        if (Quantity.isMissing(normalized)) {
            throw new IllegalArgumentException("target \"" + text + "\" is missing");
        }
        boolean percent = normalized.contains("%");
        Matcher range = Quantity.RANGE.matcher(normalized);
        if (range.matches()) {
            BigDecimal low = new BigDecimal(range.group(1));
            BigDecimal high = new BigDecimal(range.group(2));
            if (low.compareTo(high) > 0) {
                throw new IllegalArgumentException("target range \"" + text + "\" runs backwards");
            }
            return new Target(year, TargetKind.RANGE, low, high, percent, text);
        }
        for (String word : AT_LEAST) {
            if (normalized.startsWith(word) || normalized.endsWith(word)) {
                BigDecimal bound = Quantity.exact(strip(normalized, word), text);
                return new Target(year, TargetKind.AT_LEAST, bound, null, percent, text);
            }
        }
        for (String word : AT_MOST) {
            if (normalized.startsWith(word) || normalized.endsWith(word)) {
                BigDecimal bound = Quantity.exact(strip(normalized, word), text);
                return new Target(year, TargetKind.AT_MOST, null, bound, percent, text);
            }
        }
        BigDecimal value = Quantity.exact(normalized, text);
        return new Target(year, TargetKind.EXACT, value, value, percent, text);
    }

    private static String strip(String normalized, String word) {
        return normalized.startsWith(word) ? normalized.substring(word.length())
                : normalized.substring(0, normalized.length() - word.length());
    }

    /** Whether a value meets this target. */
    public boolean isMetBy(BigDecimal value) {
        return (low == null || value.compareTo(low) >= 0) && (high == null || value.compareTo(high) <= 0);
    }
}
