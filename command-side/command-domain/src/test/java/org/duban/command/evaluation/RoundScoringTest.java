package org.duban.command.evaluation;

import org.duban.api.evaluation.Grade;
import org.duban.api.evaluation.ItemKind;
import org.duban.api.evaluation.ItemResult;
import org.duban.api.evaluation.RoundItem;
import org.duban.api.evaluation.ScoringScheme;
import org.duban.api.evaluation.UnitResult;
import org.duban.api.unit.UnitRef;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.duban.command.evaluation.Rounds.H1;
import static org.duban.command.evaluation.Rounds.H2;
import static org.duban.command.evaluation.Rounds.HEALTH;
import static org.duban.command.evaluation.Rounds.M1;
import static org.duban.command.evaluation.Rounds.MARKET;
import static org.duban.command.evaluation.Rounds.decimal;

/** The round's arithmetic: means to two decimals half up, divergence, the score that counts, grades and ranks. */
class RoundScoringTest {
    private static final ScoringScheme STANDARD = ScoringScheme.standard();

    private static List<BigDecimal> totals(String... values) {
        return java.util.Arrays.stream(values).map(BigDecimal::new).toList();
    }

    private static RoundScoring.ItemState state(RoundItem item, BigDecimal reconciled, BigDecimal calibrated,
                                                String... totals) {
        return new RoundScoring.ItemState(item, totals(totals), null, reconciled, calibrated);
    }

    private static RoundItem item(String id, UnitRef unit) {
        return new RoundItem(id, ItemKind.TASK, unit, "任务 " + id, null);
    }

    @Test
    void the_mean_has_two_decimals_rounded_half_up() {
        assertThat(RoundScoring.mean(totals("85.50", "81.50"))).isEqualTo(decimal("83.50"));
        assertThat(RoundScoring.mean(totals("70.00", "70.01"))).isEqualTo(decimal("70.01"));   // 70.005 up
        assertThat(RoundScoring.mean(totals("70.00", "70.00", "70.01"))).isEqualTo(decimal("70.00")); // 70.0033
        assertThat(RoundScoring.mean(totals("60.00", "60.01", "60.01"))).isEqualTo(decimal("60.01")); // 60.0066
        assertThat(RoundScoring.mean(List.of())).isNull();
    }

    @Test
    void an_item_diverges_only_beyond_the_threshold_and_only_with_two_scores() {
        assertThat(RoundScoring.diverges(totals("61.50", "90.00"), 15)).isTrue();
        assertThat(RoundScoring.diverges(totals("60.00", "75.00"), 15)).as("exactly 15 apart").isFalse();
        assertThat(RoundScoring.diverges(totals("60.00", "75.01"), 15)).isTrue();
        assertThat(RoundScoring.diverges(totals("60.00", "70.00", "76.00"), 15)).as("max − min").isTrue();
        assertThat(RoundScoring.diverges(totals("10.00"), 15)).isFalse();
    }

    @Test
    void the_calibrated_score_counts_before_the_reconciled_one_and_that_before_the_mean() {
        assertThat(RoundScoring.current(totals("61.50", "90.00"), null, null)).isEqualTo(decimal("75.75"));
        assertThat(RoundScoring.current(totals("61.50", "90.00"), decimal("75.00"), null)).isEqualTo(decimal("75.00"));
        assertThat(RoundScoring.current(totals("61.50", "90.00"), decimal("75.00"), decimal("70.00")))
                .isEqualTo(decimal("70.00"));
        assertThat(RoundScoring.current(List.of(), null, null)).isNull();
    }

    @Test
    void the_integration_tests_hand_calculation() {
        RoundScoring.Results results = RoundScoring.results(STANDARD, List.of(
                state(H1, null, null, "85.50", "81.50"),
                state(H2, null, decimal("55.00"), "67.00", "60.00"),
                state(M1, decimal("75.00"), null, "61.50", "90.00")));
        assertThat(results.items()).extracting(ItemResult::itemId, ItemResult::score, ItemResult::grade,
                        ItemResult::evaluatorScores, ItemResult::reconciled, ItemResult::calibrated)
                .containsExactly(tuple("h1", decimal("83.50"), Grade.GOOD, 2, false, false),
                        tuple("h2", decimal("55.00"), Grade.POOR, 2, false, true),
                        tuple("m1", decimal("75.00"), Grade.GOOD, 2, true, false));
        assertThat(results.units()).extracting(u -> u.unit().name(), UnitResult::score, UnitResult::grade,
                        UnitResult::rank, UnitResult::scoredItems)
                .containsExactly(tuple(MARKET.name(), decimal("75.00"), Grade.GOOD, 1, 1),
                        tuple(HEALTH.name(), decimal("69.25"), Grade.FAIR, 2, 2));
    }

    @Test
    void a_units_score_is_the_mean_of_its_scored_items_rounded_half_up() {
        UnitRef unit = new UnitRef("u-1", "区农业农村委");
        RoundScoring.Results results = RoundScoring.results(STANDARD, List.of(
                state(item("a", unit), null, null, "70.00"),
                state(item("b", unit), null, null, "70.01"),
                state(item("c", unit), null, null)));
        assertThat(results.units()).singleElement().satisfies(u -> {
            assertThat(u.score()).isEqualTo(decimal("70.01"));   // 70.005 up; the unscored item does not count
            assertThat(u.scoredItems()).isEqualTo(2);
        });
        assertThat(results.items().get(2).score()).isNull();
        assertThat(results.items().get(2).grade()).isNull();
    }

    @Test
    void equal_scores_share_a_rank_the_next_is_skipped_and_ties_are_listed_in_chinese_order() {
        // 区财政局 (cái) before 区农业农村委 (nóng) before 区人社局 (rén) by pinyin
        UnitRef agriculture = new UnitRef("u-nong", "区农业农村委");
        UnitRef finance = new UnitRef("u-cai", "区财政局");
        UnitRef labour = new UnitRef("u-ren", "区人社局");
        UnitRef best = new UnitRef("u-best", "区文旅委");
        RoundScoring.Results results = RoundScoring.results(STANDARD, List.of(
                state(item("n", agriculture), null, null, "80.00"),
                state(item("r", labour), null, null, "70.00"),
                state(item("c", finance), null, null, "80.00"),
                state(item("w", best), null, null, "91.00")));
        assertThat(results.units()).extracting(u -> u.unit().name(), UnitResult::rank, UnitResult::grade)
                .containsExactly(tuple("区文旅委", 1, Grade.EXCELLENT), tuple("区财政局", 2, Grade.GOOD),
                        tuple("区农业农村委", 2, Grade.GOOD), tuple("区人社局", 4, Grade.FAIR));
    }

    @Test
    void a_unit_with_no_scored_item_has_rank_0_and_comes_last() {
        UnitRef unscoredA = new UnitRef("u-z", "区住建委");
        UnitRef unscoredB = new UnitRef("u-j", "区交通局");
        RoundScoring.Results results = RoundScoring.results(STANDARD, List.of(
                state(item("z", unscoredA), null, null),
                state(H1, null, null, "50.00"),
                state(item("j", unscoredB), null, null)));
        assertThat(results.units()).extracting(u -> u.unit().name(), UnitResult::score, UnitResult::grade,
                        UnitResult::rank, UnitResult::scoredItems)
                .containsExactly(tuple(HEALTH.name(), decimal("50.00"), Grade.POOR, 1, 1),
                        tuple("区交通局", null, null, 0, 0), tuple("区住建委", null, null, 0, 0));
    }

    @Test
    void grades_follow_the_bands_at_their_lower_bounds() {
        UnitRef unit = new UnitRef("u-1", "区农业农村委");
        RoundScoring.Results results = RoundScoring.results(STANDARD, List.of(
                state(item("a", unit), null, null, "90.00"),
                state(item("b", unit), null, null, "89.99"),
                state(item("c", unit), null, null, "75.00"),
                state(item("d", unit), null, null, "60.00"),
                state(item("e", unit), null, null, "59.99"),
                state(item("f", unit), null, null, "0.00")));
        assertThat(results.items()).extracting(ItemResult::grade).containsExactly(Grade.EXCELLENT, Grade.GOOD,
                Grade.GOOD, Grade.FAIR, Grade.POOR, Grade.POOR);
    }

    @Test
    void under_the_grades_scheme_the_mean_of_nominal_scores_decides_the_grade() {
        ScoringScheme grades = ScoringScheme.grades();
        BigDecimal excellent = grades.total(java.util.Map.of(), Grade.EXCELLENT);
        BigDecimal good = grades.total(java.util.Map.of(), Grade.GOOD);
        assertThat(excellent).isEqualTo(decimal("95.00"));
        RoundScoring.Results results = RoundScoring.results(grades, List.of(
                state(H1, null, null, excellent.toPlainString(), good.toPlainString()),
                state(M1, null, null, good.toPlainString(), good.toPlainString())));
        assertThat(results.items()).extracting(ItemResult::score, ItemResult::grade)
                .containsExactly(tuple(decimal("88.50"), Grade.GOOD), tuple(decimal("82.00"), Grade.GOOD));
        assertThat(results.units()).extracting(UnitResult::rank).containsExactly(1, 2);
    }
}
