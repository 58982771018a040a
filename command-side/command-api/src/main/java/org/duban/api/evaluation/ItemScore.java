package org.duban.api.evaluation;

import org.duban.api.Limits;
import org.duban.api.Require;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/**
 * An evaluator's score of one item: a score per criterion (weighted scheme) or a grade (grades scheme), and a comment.
 * The round's scheme checks which one it takes and makes the total.
 */
public record ItemScore(String itemId, Map<String, BigDecimal> criterionScores, Grade grade, String comment) {
    public ItemScore {
        Require.id(itemId, "itemId");
        if (criterionScores == null || criterionScores.isEmpty()) {
            criterionScores = Map.of();
        } else {
            TreeMap<String, BigDecimal> checked = new TreeMap<>();
            criterionScores.forEach((code, score) -> checked.put(Require.id(code, "criterion code"),
                    Scores.checked(score, "score of criterion " + code)));
            criterionScores = java.util.Collections.unmodifiableSortedMap(checked);
        }
        comment = Require.optionalText(comment, "comment", Limits.REASON);
    }
}
