package org.duban.api.indicator;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Reads a reported indicator value by the same rules as targets; text that is no number reads as absent. */
public final class IndicatorReading {
    private IndicatorReading() {
    }

    /** "12" → 12, "85%" → 85, "13—15" → 14 (the middle of a range); "—", "基本完成", "不低于20%" → null. */
    public static BigDecimal number(String written) {
        if (written == null || written.isBlank()) {
            return null;
        }
        try {
            Target read = Target.parse(null, written);
            return switch (read.kind()) {
                case EXACT -> read.low();
                case RANGE -> plain(read.low().add(read.high()).divide(BigDecimal.valueOf(2), 4, RoundingMode.HALF_UP));
                case AT_LEAST, AT_MOST -> null;
            };
        } catch (IllegalArgumentException notANumber) {
            return null;
        }
    }

    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
