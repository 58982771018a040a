package org.duban.command.evaluation;

import org.duban.api.evaluation.ItemResult;
import org.duban.api.evaluation.RoundItem;
import org.duban.api.evaluation.ScoringScheme;
import org.duban.api.evaluation.UnitResult;
import org.duban.api.unit.UnitRef;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The arithmetic of a round, apart from its rules: an item's score, whether evaluators diverge on it, and the published
 * results with the units' ranking. Every score has two decimals, rounded half up.
 */
final class RoundScoring {
    private static final Comparator<Object> CHINESE = Collator.getInstance(Locale.SIMPLIFIED_CHINESE);

    private RoundScoring() {
    }

    /** The mean of the evaluators' totals, or null when nobody scored. */
    static BigDecimal mean(Collection<BigDecimal> totals) {
        if (totals == null || totals.isEmpty()) {
            return null;
        }
        BigDecimal sum = totals.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return sum.divide(BigDecimal.valueOf(totals.size()), ScoringScheme.SCALE, RoundingMode.HALF_UP);
    }

    /** A score as read back from a stored event, with the scale every published score has. */
    private static BigDecimal scaled(BigDecimal score) {
        return score.setScale(ScoringScheme.SCALE, RoundingMode.HALF_UP);
    }

    /** Whether the highest and lowest of the evaluators' totals lie more than the threshold apart. */
    static boolean diverges(Collection<BigDecimal> totals, int threshold) {
        if (totals == null || totals.size() < 2) {
            return false;
        }
        BigDecimal max = totals.stream().max(Comparator.naturalOrder()).orElseThrow();
        BigDecimal min = totals.stream().min(Comparator.naturalOrder()).orElseThrow();
        return max.subtract(min).compareTo(BigDecimal.valueOf(threshold)) > 0;
    }

    /** The score an item would be published with: calibrated, else reconciled, else the mean; null if unscored. */
    static BigDecimal current(Collection<BigDecimal> totals, BigDecimal reconciled, BigDecimal calibrated) {
        if (calibrated != null) {
            return scaled(calibrated);
        }
        if (reconciled != null) {
            return scaled(reconciled);
        }
        return mean(totals);
    }

    /**
     * What an item stands at when the round publishes.
     *
     * @param totals the evaluators' totals of the item, absent or empty if nobody scored it
     */
    record ItemState(RoundItem item, Collection<BigDecimal> totals, BigDecimal selfScore, BigDecimal reconciled,
                     BigDecimal calibrated) {
        BigDecimal score() {
            return current(totals, reconciled, calibrated);
        }
    }

    /** The published results: items in the round's order, units ranked. */
    record Results(List<ItemResult> items, List<UnitResult> units) {
    }

    static Results results(ScoringScheme scheme, List<ItemState> items) {
        List<ItemResult> itemResults = new ArrayList<>();
        Map<String, UnitRef> units = new LinkedHashMap<>();
        Map<String, List<BigDecimal>> unitScores = new LinkedHashMap<>();
        for (ItemState state : items) {
            BigDecimal score = state.score();
            RoundItem item = state.item();
            itemResults.add(new ItemResult(item.itemId(), item.kind(), item.unit().unitId(), score,
                    score == null ? null : scheme.gradeOf(score), state.selfScore(),
                    state.totals() == null ? 0 : state.totals().size(), state.reconciled() != null,
                    state.calibrated() != null));
            units.putIfAbsent(item.unit().unitId(), item.unit());
            List<BigDecimal> scores = unitScores.computeIfAbsent(item.unit().unitId(), id -> new ArrayList<>());
            if (score != null) {
                scores.add(score);
            }
        }
        return new Results(itemResults, rank(scheme, units, unitScores));
    }

    /**
     * Competition ranking (1, 1, 3) by score, highest first; equal scores are listed by the unit's name in Chinese
     * order; a unit none of whose items was scored has rank 0 and comes last.
     */
    private static List<UnitResult> rank(ScoringScheme scheme, Map<String, UnitRef> units,
                                         Map<String, List<BigDecimal>> unitScores) {
        record Scored(UnitRef unit, BigDecimal score, int items) {
        }
        List<Scored> scored = new ArrayList<>();
        List<Scored> unscored = new ArrayList<>();
        units.forEach((unitId, unit) -> {
            List<BigDecimal> scores = unitScores.get(unitId);
            BigDecimal mean = mean(scores);
            (mean == null ? unscored : scored).add(new Scored(unit, mean, scores.size()));
        });
        Comparator<Scored> byName = Comparator.comparing(s -> s.unit().name(), CHINESE);
        scored.sort(Comparator.comparing(Scored::score, Comparator.reverseOrder()).thenComparing(byName));
        unscored.sort(byName);
        List<UnitResult> ranked = new ArrayList<>();
        int rank = 0;
        BigDecimal previous = null;
        for (int i = 0; i < scored.size(); i++) {
            Scored unit = scored.get(i);
            if (previous == null || unit.score().compareTo(previous) != 0) {
                rank = i + 1;
                previous = unit.score();
            }
            ranked.add(new UnitResult(unit.unit(), unit.score(), scheme.gradeOf(unit.score()), rank, unit.items()));
        }
        for (Scored unit : unscored) {
            ranked.add(new UnitResult(unit.unit(), null, null, 0, 0));
        }
        return ranked;
    }
}
