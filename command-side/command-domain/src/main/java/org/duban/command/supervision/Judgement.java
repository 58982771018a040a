package org.duban.command.supervision;

import org.duban.api.supervision.RagStatus;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a status rule decided: the status, the name of the rule that decided it, and the figures it compared, as
 * text, in the order they were read.
 */
public record Judgement(RagStatus status, String rule, Map<String, String> figures) {
    public Judgement {
        figures = Collections.unmodifiableMap(new LinkedHashMap<>(figures));
    }

    /** Figures as text: numbers without trailing zeros, absent values left out. */
    static Map<String, String> figures(Object... namesAndValues) {
        Map<String, String> figures = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            Object value = namesAndValues[i + 1];
            if (value != null) {
                figures.put((String) namesAndValues[i], text(value));
            }
        }
        return figures;
    }

    static String text(Object value) {
        if (value instanceof BigDecimal number) {
            BigDecimal stripped = number.stripTrailingZeros();
            return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
        }
        return String.valueOf(value);
    }
}
