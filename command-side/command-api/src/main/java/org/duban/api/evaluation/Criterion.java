package org.duban.api.evaluation;

import org.duban.api.Limits;
import org.duban.api.Require;

/**
 * One weighted criterion of a scheme, such as completion (完成情况), quality (质量成效), timeliness (及时性) or indicator
 * attainment (指标达成).
 *
 * @param code   a short key, unique in the scheme (completion, quality, …)
 * @param name   as the office words it
 * @param weight its share of the total, in percent; a scheme's weights add up to 100
 */
public record Criterion(String code, String name, int weight) {
    public Criterion {
        code = Require.id(code, "criterion code");
        name = Require.text(name, "criterion name", Limits.NAME);
        if (weight < 1 || weight > 100) {
            throw new IllegalArgumentException("criterion " + code + ": weight " + weight + " must be 1 to 100");
        }
    }
}
