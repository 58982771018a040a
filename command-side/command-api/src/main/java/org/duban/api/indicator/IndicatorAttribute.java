package org.duban.api.indicator;

/** 预期性 (expected) or 约束性 (binding, mandatory). */
public enum IndicatorAttribute {
    EXPECTED,
    BINDING;

    /** Reads 预期性 / 约束性 (also 预期 / 约束); throws naming the value otherwise. */
    public static IndicatorAttribute parse(String written) {
        String text = written.strip();
        if (text.startsWith("预期")) {
            return EXPECTED;
        }
        if (text.startsWith("约束")) {
            return BINDING;
        }
        throw new IllegalArgumentException("attribute \"" + written + "\" is neither 预期性 (expected) nor 约束性 (binding)");
    }
}
