package org.duban.command.evaluation;

import org.axonframework.test.matchers.Matchers;
import org.duban.api.CommandRefused;
import org.duban.api.evaluation.EvaluationRoundOpened;
import org.duban.api.evaluation.Evaluator;
import org.duban.api.evaluation.EvaluatorKind;
import org.duban.api.evaluation.EvaluatorScoringCompleted;
import org.duban.api.evaluation.ItemKind;
import org.duban.api.evaluation.ItemScore;
import org.duban.api.evaluation.OpenEvaluationRound;
import org.duban.api.evaluation.PhaseDeadlines;
import org.duban.api.evaluation.RoundItem;
import org.duban.api.evaluation.RoundItemScored;
import org.duban.api.evaluation.RoundKind;
import org.duban.api.evaluation.RoundScope;
import org.duban.api.evaluation.ScoringClosed;
import org.duban.api.evaluation.ScoringScheme;
import org.duban.api.evaluation.SelfAssessmentClosed;
import org.duban.api.evaluation.SelfAssessmentEntry;
import org.duban.api.unit.UnitIds;
import org.duban.api.unit.UnitRef;
import org.hamcrest.Matcher;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The round of the tests: the Dazu plan's mid-term round as the integration test runs it. 区卫生健康委 answers for
 * tasks h1 and h2, 区市场监管局 for m1; a third party ("tp") and the office's supervisor score with the standard scheme.
 */
final class Rounds {
    static final String ROUND = "round-1";
    static final String PLAN = "plan-1";
    static final String OFFICE = "大足区督查室";
    static final UnitRef HEALTH = new UnitRef(UnitIds.of("区卫生健康委"), "区卫生健康委");
    static final UnitRef MARKET = new UnitRef(UnitIds.of("区市场监管局"), "区市场监管局");
    static final RoundItem H1 = new RoundItem("h1", ItemKind.TASK, HEALTH, "1. 建设中医馆", "s-1");
    static final RoundItem H2 = new RoundItem("h2", ItemKind.TASK, HEALTH, "2. 培养中医人才", "s-1");
    static final RoundItem M1 = new RoundItem("m1", ItemKind.TASK, MARKET, "3. 规范中药市场", "s-2");
    static final Evaluator THIRD_PARTY = new Evaluator("tp", "钱九", EvaluatorKind.THIRD_PARTY, "重庆某评估咨询公司");
    static final Evaluator STAFF = new Evaluator("supervisor", "王五", EvaluatorKind.SUPERVISOR_STAFF, "大足区督查室");
    static final LocalDate CUT_OFF = LocalDate.of(2026, 6, 30);
    static final PhaseDeadlines DEADLINES = new PhaseDeadlines(LocalDate.of(2026, 7, 10), LocalDate.of(2026, 7, 20),
            LocalDate.of(2026, 7, 25), LocalDate.of(2026, 7, 31));
    /** 10:00 in Shanghai on 5 July 2026: within the self-assessment's time */
    static final Instant JULY_5 = Instant.parse("2026-07-05T02:00:00Z");
    /** 00:30 in Shanghai on 11 July 2026 (still 10 July in UTC): the day after the self-assessment's due day */
    static final Instant JULY_11 = Instant.parse("2026-07-10T16:30:00Z");

    static final Map<String, Object> SUPERVISOR = Map.of("actorUser", "supervisor", "actorRole", "SUPERVISOR",
            "actorUnit", OFFICE);
    static final Map<String, Object> OTHER_SUPERVISOR = Map.of("actorUser", "citysupervisor", "actorRole", "SUPERVISOR",
            "actorUnit", "市政府督查办");
    static final Map<String, Object> ADMIN = Map.of("actorUser", "admin", "actorRole", "ADMIN");
    static final Map<String, Object> SYSTEM = Map.of("actorUser", "system", "actorRole", "SYSTEM");
    /** unit users: the metadata names their unit by its name */
    static final Map<String, Object> HEALTH_USER = Map.of("actorUser", "health", "actorRole", "UNIT_USER",
            "actorUnit", HEALTH.name());
    static final Map<String, Object> MARKET_USER = Map.of("actorUser", "market", "actorRole", "UNIT_USER",
            "actorUnit", MARKET.name());
    static final Map<String, Object> TP = Map.of("actorUser", "tp", "actorRole", "EVALUATOR");

    private Rounds() {
    }

    static OpenEvaluationRound open(ScoringScheme scheme) {
        return new OpenEvaluationRound(ROUND, PLAN, OFFICE, RoundKind.MID_TERM, "中期评估", CUT_OFF,
                RoundScope.wholePlan(), List.of(H1, H2, M1), scheme, DEADLINES, List.of(THIRD_PARTY, STAFF), true);
    }

    static EvaluationRoundOpened opened(ScoringScheme scheme) {
        return new EvaluationRoundOpened(ROUND, PLAN, OFFICE, RoundKind.MID_TERM, "中期评估", CUT_OFF,
                RoundScope.wholePlan(), List.of(H1, H2, M1), scheme, DEADLINES, List.of(THIRD_PARTY, STAFF), true);
    }

    static EvaluationRoundOpened opened() {
        return opened(ScoringScheme.standard());
    }

    static List<Object> history(Object... events) {
        List<Object> all = new ArrayList<>(List.of(opened()));
        all.addAll(Arrays.asList(events));
        return all;
    }

    static SelfAssessmentClosed selfAssessmentClosed() {
        return new SelfAssessmentClosed(ROUND, PLAN, List.of());
    }

    /** Scoring open: the units assessed themselves (as far as the test cares) and the phase closed. */
    static List<Object> scoring(Object... events) {
        List<Object> all = history(selfAssessmentClosed());
        all.addAll(Arrays.asList(events));
        return all;
    }

    static SelfAssessmentEntry entry(String itemId, int score) {
        return new SelfAssessmentEntry(itemId, BigDecimal.valueOf(score), "按计划推进。", List.of());
    }

    static ItemScore score(String itemId, int completion, int quality, int timeliness, int attainment) {
        Map<String, BigDecimal> criteria = new TreeMap<>();
        criteria.put("completion", BigDecimal.valueOf(completion));
        criteria.put("quality", BigDecimal.valueOf(quality));
        criteria.put("timeliness", BigDecimal.valueOf(timeliness));
        criteria.put("attainment", BigDecimal.valueOf(attainment));
        return new ItemScore(itemId, criteria, null, "依据自评和佐证材料评分");
    }

    static RoundItemScored scored(String evaluator, ItemScore score, String total) {
        return new RoundItemScored(ROUND, PLAN, evaluator, score, new BigDecimal(total));
    }

    /** The integration test's six scores: h1 85.50 / 81.50, h2 67.00 / 60.00, m1 61.50 / 90.00. */
    static List<Object> theSixScores() {
        return List.of(
                scored("tp", score("h1", 90, 80, 100, 70), "85.50"),
                scored("tp", score("h2", 70, 60, 80, 60), "67.00"),
                scored("tp", score("m1", 60, 70, 50, 60), "61.50"),
                scored("supervisor", score("h1", 80, 80, 90, 80), "81.50"),
                scored("supervisor", score("h2", 60, 60, 60, 60), "60.00"),
                scored("supervisor", score("m1", 90, 90, 90, 90), "90.00"),
                new EvaluatorScoringCompleted(ROUND, PLAN, "tp", 3),
                new EvaluatorScoringCompleted(ROUND, PLAN, "supervisor", 3));
    }

    /** Scoring closed on the six scores, m1 to reconcile. */
    static List<Object> reconciling(Object... events) {
        List<Object> all = scoring();
        all.addAll(theSixScores());
        all.add(new ScoringClosed(ROUND, PLAN, List.of("m1")));
        all.addAll(Arrays.asList(events));
        return all;
    }

    static BigDecimal decimal(String value) {
        return new BigDecimal(value);
    }

    /** A refusal with this code. */
    static Matcher<?> refused(String code) {
        return Matchers.predicate(e -> e instanceof CommandRefused refusal && code.equals(refusal.code()));
    }
}
