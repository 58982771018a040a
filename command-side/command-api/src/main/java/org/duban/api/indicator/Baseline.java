package org.duban.api.indicator;

import org.duban.api.Limits;

import java.math.BigDecimal;

/**
 * An indicator's starting value (基期值 / 现状值) in a year; the value is absent when the table says "—".
 *
 * @param asWritten the cell as the document wrote it, kept for display and audit
 */
public record Baseline(Integer year, BigDecimal value, String asWritten) {
    public Baseline {
        if (asWritten != null && asWritten.length() > Limits.VALUE) {
            throw new IllegalArgumentException("baseline \"" + asWritten.substring(0, 20) + "…\" is " + asWritten.length()
                    + " characters long; at most " + Limits.VALUE + " are accepted");
        }
    }


    public boolean isMissing() {
        return value == null;
    }

    /** Reads "2", "2.5", "20%", "—"; throws with the value named when it is none of these. */
    public static Baseline parse(Integer year, String written) {
        String text = written == null ? "" : written;
        String normalized = Quantity.normalize(text);
        if (Quantity.isMissing(normalized)) {
            return new Baseline(year, null, text.strip());
        }
        return new Baseline(year, Quantity.exact(normalized, text), text.strip());
    }
}
