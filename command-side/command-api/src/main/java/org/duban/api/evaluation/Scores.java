package org.duban.api.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** A score as the contract takes it: 0 to 100, at most two decimals. */
public final class Scores {
    private Scores() {
    }

    public static BigDecimal checked(BigDecimal score, String field) {
        if (score == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        if (score.signum() < 0 || score.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new IllegalArgumentException(field + ": " + score.toPlainString() + " is not a score from 0 to 100");
        }
        if (score.stripTrailingZeros().scale() > ScoringScheme.SCALE) {
            throw new IllegalArgumentException(field + ": " + score.toPlainString() + " has more than two decimals");
        }
        return score.setScale(ScoringScheme.SCALE, RoundingMode.UNNECESSARY);
    }
}
