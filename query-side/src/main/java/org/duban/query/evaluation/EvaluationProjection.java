package org.duban.query.evaluation;

import com.fasterxml.jackson.core.type.TypeReference;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.queryhandling.QueryHandler;
import org.duban.api.MetadataKeys;
import org.duban.api.evaluation.CalibrationFinished;
import org.duban.api.evaluation.ConflictOfInterestDeclared;
import org.duban.api.evaluation.EvaluationRoundCancelled;
import org.duban.api.evaluation.EvaluationRoundClosed;
import org.duban.api.evaluation.EvaluationRoundOpened;
import org.duban.api.evaluation.Evaluator;
import org.duban.api.evaluation.EvaluatorAppointed;
import org.duban.api.evaluation.EvaluatorKind;
import org.duban.api.evaluation.EvaluatorReadRecorded;
import org.duban.api.evaluation.EvaluatorScoringCompleted;
import org.duban.api.evaluation.FindEvaluationRound;
import org.duban.api.evaluation.FindEvaluationRounds;
import org.duban.api.evaluation.FindRoundResults;
import org.duban.api.evaluation.FindRoundSheet;
import org.duban.api.evaluation.Grade;
import org.duban.api.evaluation.ItemFact;
import org.duban.api.evaluation.ItemKind;
import org.duban.api.evaluation.ItemResult;
import org.duban.api.evaluation.ItemScoreCalibrated;
import org.duban.api.evaluation.ItemScoreReconciled;
import org.duban.api.evaluation.PhaseDeadlines;
import org.duban.api.evaluation.ReconciliationCompleted;
import org.duban.api.evaluation.RoundDetail;
import org.duban.api.evaluation.RoundItem;
import org.duban.api.evaluation.RoundItemScored;
import org.duban.api.evaluation.RoundKind;
import org.duban.api.evaluation.RoundPhase;
import org.duban.api.evaluation.RoundResults;
import org.duban.api.evaluation.RoundResultsPublished;
import org.duban.api.evaluation.RoundScope;
import org.duban.api.evaluation.RoundSummary;
import org.duban.api.evaluation.ScoringClosed;
import org.duban.api.evaluation.ScoringOverdue;
import org.duban.api.evaluation.ScoringReminderSent;
import org.duban.api.evaluation.ScoringScheme;
import org.duban.api.evaluation.SelfAssessmentClosed;
import org.duban.api.evaluation.SelfAssessmentEntry;
import org.duban.api.evaluation.SelfAssessmentOverdue;
import org.duban.api.evaluation.SelfAssessmentReminderSent;
import org.duban.api.evaluation.SelfAssessmentSubmitted;
import org.duban.api.evaluation.SheetRow;
import org.duban.api.evaluation.UnitResult;
import org.duban.api.reporting.EvidenceRef;
import org.duban.api.supervision.RagStatus;
import org.duban.api.unit.UnitRef;
import org.duban.query.ProjectionTables;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.sql.Timestamp.from;
import static org.duban.query.evaluation.EvaluationJson.date;
import static org.duban.query.evaluation.EvaluationJson.instant;
import static org.duban.query.evaluation.EvaluationJson.json;
import static org.duban.query.evaluation.EvaluationJson.read;

/**
 * The evaluation rounds (评估): each round with its phase, scheme and deadlines, its items with the units'
 * self-assessment and the evaluators' scores, the reconciliations and calibrations, the units' and evaluators'
 * progress, and the results recorded at publication. Answers the round list, a round, its score sheet and its results
 * with the comparison to the plan's previous published round.
 */
@Component
@ProcessingGroup(EvaluationProjection.PROCESSING_GROUP)
@ProjectionTables({"evaluation_item_fact", "evaluation_unit_result", "evaluation_item_result", "evaluation_calibration",
        "evaluation_conflict", "evaluation_score", "evaluation_evaluator", "evaluation_unit", "evaluation_item",
        "evaluation_round"})
class EvaluationProjection {
    static final String PROCESSING_GROUP = "evaluation-rounds";
    private static final TypeReference<List<EvidenceRef>> EVIDENCE = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, BigDecimal>> CRITERION_SCORES = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;

    EvaluationProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    // --- the round's events ------------------------------------------------------------------------------------

    @EventHandler
    void on(EvaluationRoundOpened event, @Timestamp Instant at) {
        Map<String, UnitRef> units = new LinkedHashMap<>();
        Map<String, Integer> itemsOfUnit = new HashMap<>();
        for (RoundItem item : event.items()) {
            units.putIfAbsent(item.unit().unitId(), item.unit());
            itemsOfUnit.merge(item.unit().unitId(), 1, Integer::sum);
        }
        PhaseDeadlines deadlines = event.deadlines();
        jdbc.update("insert into evaluation_round (round_id, plan_id, office, kind, title, cut_off, scope, scheme, "
                        + "self_assessment_due, scoring_due, calibration_due, publication_due, blind, phase, items, units, "
                        + "evaluators, opened_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                event.roundId(), event.planId(), event.office(), event.kind().name(), event.title(),
                Date.valueOf(event.cutOff()), json(event.scope()), json(event.scheme()),
                Date.valueOf(deadlines.selfAssessmentDue()), Date.valueOf(deadlines.scoringDue()),
                Date.valueOf(deadlines.calibrationDue()), Date.valueOf(deadlines.publicationDue()), event.blind(),
                RoundPhase.SELF_ASSESSMENT.name(), event.items().size(), units.size(), event.evaluators().size(),
                from(at), from(at));
        List<Object[]> items = new ArrayList<>();
        for (int i = 0; i < event.items().size(); i++) {
            RoundItem item = event.items().get(i);
            items.add(new Object[]{event.roundId(), item.itemId(), i, item.kind().name(), item.unit().unitId(),
                    item.unit().name(), item.label(), item.sectionId()});
        }
        jdbc.batchUpdate("insert into evaluation_item (round_id, item_id, seq_no, kind, unit_id, unit_name, label, "
                + "section_id, divergent) values (?, ?, ?, ?, ?, ?, ?, ?, false)", items);
        List<Object[]> unitRows = new ArrayList<>();
        int position = 0;
        for (UnitRef unit : units.values()) {
            unitRows.add(new Object[]{event.roundId(), unit.unitId(), position++, unit.name(),
                    itemsOfUnit.get(unit.unitId())});
        }
        jdbc.batchUpdate("insert into evaluation_unit (round_id, unit_id, seq_no, unit_name, items, submitted, late, "
                + "overdue, reminders) values (?, ?, ?, ?, ?, false, false, false, 0)", unitRows);
        for (int i = 0; i < event.evaluators().size(); i++) {
            insertEvaluator(event.roundId(), event.evaluators().get(i), i);
        }
    }

    @EventHandler
    void on(EvaluatorAppointed event, @Timestamp Instant at) {
        Integer next = jdbc.queryForObject("select coalesce(max(seq_no) + 1, 0) from evaluation_evaluator where round_id = ?",
                Integer.class, event.roundId());
        insertEvaluator(event.roundId(), event.evaluator(), next);
        jdbc.update("update evaluation_round set evaluators = evaluators + 1, updated_at = ? where round_id = ?",
                from(at), event.roundId());
    }

    private void insertEvaluator(String roundId, Evaluator evaluator, int position) {
        jdbc.update("insert into evaluation_evaluator (round_id, username, seq_no, display_name, kind, organisation, "
                        + "completed, overdue, reminders, read_count) values (?, ?, ?, ?, ?, ?, false, false, 0, 0)",
                roundId, evaluator.username(), position, evaluator.displayName(), evaluator.kind().name(),
                evaluator.organisation());
    }

    @EventHandler
    void on(SelfAssessmentSubmitted event, @Timestamp Instant at) {
        List<Object[]> entries = new ArrayList<>();
        for (SelfAssessmentEntry entry : event.entries()) {
            entries.add(new Object[]{entry.score(), entry.narrative(),
                    entry.evidence() == null || entry.evidence().isEmpty() ? null : json(entry.evidence()),
                    event.roundId(), entry.itemId()});
        }
        jdbc.batchUpdate("update evaluation_item set self_score = ?, self_narrative = ?, self_evidence = ? "
                + "where round_id = ? and item_id = ?", entries);
        jdbc.update("update evaluation_unit set submitted = true, late = ?, submitted_at = ? where round_id = ? and unit_id = ?",
                event.late(), from(at), event.roundId(), event.unitId());
        touch(event.roundId(), at);
    }

    @EventHandler
    void on(SelfAssessmentReminderSent event) {
        jdbc.update("update evaluation_unit set reminders = reminders + 1 where round_id = ? and unit_id = ?",
                event.roundId(), event.unitId());
    }

    @EventHandler
    void on(SelfAssessmentOverdue event) {
        jdbc.update("update evaluation_unit set overdue = true where round_id = ? and unit_id = ?", event.roundId(),
                event.unitId());
    }

    /** The units that never submitted keep their rows as they are: not submitted. */
    @EventHandler
    void on(SelfAssessmentClosed event, @Timestamp Instant at) {
        phase(event.roundId(), RoundPhase.SCORING, at);
    }

    /** A later score of the same item by the same evaluator replaces the earlier one. */
    @EventHandler
    void on(RoundItemScored event, @Timestamp Instant at) {
        jdbc.update("delete from evaluation_score where round_id = ? and item_id = ? and evaluator = ?", event.roundId(),
                event.score().itemId(), event.evaluator());
        jdbc.update("insert into evaluation_score (round_id, item_id, evaluator, criterion_scores, grade, total, "
                        + "score_comment, scored_at) values (?, ?, ?, ?, ?, ?, ?, ?)", event.roundId(), event.score().itemId(),
                event.evaluator(), event.score().criterionScores().isEmpty() ? null : json(event.score().criterionScores()),
                event.score().grade() == null ? null : event.score().grade().name(), event.total(), event.score().comment(),
                from(at));
        touch(event.roundId(), at);
    }

    /** A conflicted evaluator scores none of the items: a score given before the declaration no longer counts. */
    @EventHandler
    void on(ConflictOfInterestDeclared event, @Timestamp Instant at) {
        List<Object[]> keys = event.itemIds().stream().map(itemId -> new Object[]{event.roundId(), event.evaluator(), itemId})
                .toList();
        jdbc.batchUpdate("delete from evaluation_conflict where round_id = ? and evaluator = ? and item_id = ?", keys);
        jdbc.batchUpdate("delete from evaluation_score where round_id = ? and evaluator = ? and item_id = ?", keys);
        jdbc.batchUpdate("insert into evaluation_conflict (round_id, evaluator, item_id, reason, declared_at) "
                        + "values (?, ?, ?, ?, ?)",
                event.itemIds().stream().map(itemId -> new Object[]{event.roundId(), event.evaluator(), itemId,
                        event.reason(), from(at)}).toList());
        touch(event.roundId(), at);
    }

    @EventHandler
    void on(EvaluatorScoringCompleted event, @Timestamp Instant at) {
        jdbc.update("update evaluation_evaluator set completed = true, completed_at = ? where round_id = ? and username = ?",
                from(at), event.roundId(), event.evaluator());
        touch(event.roundId(), at);
    }

    @EventHandler
    void on(ScoringReminderSent event) {
        jdbc.update("update evaluation_evaluator set reminders = reminders + 1 where round_id = ? and username = ?",
                event.roundId(), event.evaluator());
    }

    @EventHandler
    void on(ScoringOverdue event) {
        jdbc.update("update evaluation_evaluator set overdue = true where round_id = ? and username = ?",
                event.roundId(), event.evaluator());
    }

    @EventHandler
    void on(ScoringClosed event, @Timestamp Instant at) {
        jdbc.batchUpdate("update evaluation_item set divergent = true where round_id = ? and item_id = ?",
                event.divergentItems().stream().map(itemId -> new Object[]{event.roundId(), itemId}).toList());
        phase(event.roundId(), event.divergentItems().isEmpty() ? RoundPhase.CALIBRATION : RoundPhase.RECONCILIATION, at);
    }

    @EventHandler
    void on(ItemScoreReconciled event, @Timestamp Instant at) {
        jdbc.update("update evaluation_item set reconciled_score = ?, reconcile_reason = ? where round_id = ? and item_id = ?",
                event.score(), event.reason(), event.roundId(), event.itemId());
        touch(event.roundId(), at);
    }

    @EventHandler
    void on(ReconciliationCompleted event, @Timestamp Instant at) {
        phase(event.roundId(), RoundPhase.CALIBRATION, at);
    }

    /** Every calibration is kept, with the score before and after; the item's score is the latest one's. */
    @EventHandler
    void on(ItemScoreCalibrated event, @MessageIdentifier String eventId, @Timestamp Instant at,
            @MetaDataValue(MetadataKeys.ACTOR_USER) String user) {
        jdbc.update("insert into evaluation_calibration (id, round_id, item_id, score_before, score_after, reason, "
                        + "calibrated_by, calibrated_at) values (?, ?, ?, ?, ?, ?, ?, ?)", eventId, event.roundId(),
                event.itemId(), event.before(), event.after(), event.reason(), user, from(at));
        jdbc.update("update evaluation_item set calibrated_score = ? where round_id = ? and item_id = ?", event.after(),
                event.roundId(), event.itemId());
        touch(event.roundId(), at);
    }

    @EventHandler
    void on(CalibrationFinished event, @Timestamp Instant at) {
        phase(event.roundId(), RoundPhase.PUBLICATION, at);
    }

    @EventHandler
    void on(RoundResultsPublished event, @Timestamp Instant at) {
        List<Object[]> items = new ArrayList<>();
        for (int i = 0; i < event.items().size(); i++) {
            ItemResult item = event.items().get(i);
            items.add(new Object[]{event.roundId(), item.itemId(), i, item.kind().name(), item.unitId(), item.score(),
                    item.grade() == null ? null : item.grade().name(), item.selfScore(), item.evaluatorScores(),
                    item.reconciled(), item.calibrated()});
        }
        jdbc.batchUpdate("insert into evaluation_item_result (round_id, item_id, seq_no, kind, unit_id, score, grade, "
                + "self_score, evaluator_scores, reconciled, calibrated) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", items);
        List<Object[]> units = new ArrayList<>();
        for (int i = 0; i < event.units().size(); i++) {
            UnitResult unit = event.units().get(i);
            units.add(new Object[]{event.roundId(), unit.unit().unitId(), i, unit.unit().name(), unit.score(),
                    unit.grade() == null ? null : unit.grade().name(), unit.rank(), unit.scoredItems()});
        }
        jdbc.batchUpdate("insert into evaluation_unit_result (round_id, unit_id, seq_no, unit_name, score, grade, "
                + "unit_rank, scored_items) values (?, ?, ?, ?, ?, ?, ?, ?)", units);
        List<Object[]> facts = new ArrayList<>();
        List<ItemFact> published = event.facts() == null ? List.of() : event.facts();
        for (int i = 0; i < published.size(); i++) {
            ItemFact fact = published.get(i);
            facts.add(new Object[]{event.roundId(), fact.itemId(), i, fact.kind().name(),
                    fact.status() == null ? null : fact.status().name(), fact.percentComplete(), fact.reportsAccepted(),
                    fact.reportsOverdue(), fact.latestProgress(), fact.unitOfMeasure(), fact.baseline(), fact.target(),
                    fact.currentValue(), fact.valuePeriod()});
        }
        jdbc.batchUpdate("insert into evaluation_item_fact (round_id, item_id, seq_no, kind, status, percent_complete, "
                + "reports_accepted, reports_overdue, latest_progress, unit_of_measure, baseline, target, current_value, "
                + "value_period) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", facts);
        jdbc.update("update evaluation_round set published_at = ? where round_id = ?", from(at), event.roundId());
        phase(event.roundId(), RoundPhase.PUBLISHED, at);
    }

    @EventHandler
    void on(EvaluationRoundClosed event, @Timestamp Instant at) {
        phase(event.roundId(), RoundPhase.CLOSED, at);
    }

    @EventHandler
    void on(EvaluationRoundCancelled event, @Timestamp Instant at) {
        jdbc.update("update evaluation_round set cancel_reason = ? where round_id = ?", event.reason(), event.roundId());
        phase(event.roundId(), RoundPhase.CANCELLED, at);
    }

    /** How many reads a third-party evaluator made; what they read is in the audit trail. */
    @EventHandler
    void on(EvaluatorReadRecorded event) {
        jdbc.update("update evaluation_evaluator set read_count = read_count + 1 where round_id = ? and username = ?",
                event.roundId(), event.evaluator());
    }

    private void phase(String roundId, RoundPhase phase, Instant at) {
        jdbc.update("update evaluation_round set phase = ?, updated_at = ? where round_id = ?", phase.name(), from(at), roundId);
    }

    private void touch(String roundId, Instant at) {
        jdbc.update("update evaluation_round set updated_at = ? where round_id = ?", from(at), roundId);
    }

    @ResetHandler
    void reset() {
        for (String table : EvaluationProjection.class.getAnnotation(ProjectionTables.class).value()) {
            jdbc.update("delete from " + table);
        }
    }

    // --- queries -----------------------------------------------------------------------------------------------

    private static final String SUMMARY = "select r.*, p.title as plan_title from evaluation_round r "
            + "left join plan_summary p on p.plan_id = r.plan_id ";

    @QueryHandler
    List<RoundSummary> handle(FindEvaluationRounds query) {
        StringBuilder sql = new StringBuilder(SUMMARY).append("where 1 = 1");
        List<Object> args = new ArrayList<>();
        if (query.planId() != null) {
            sql.append(" and r.plan_id = ?");
            args.add(query.planId());
        }
        if (query.evaluator() != null) {
            sql.append(" and exists (select 1 from evaluation_evaluator e where e.round_id = r.round_id and e.username = ?)");
            args.add(query.evaluator());
        }
        sql.append(" order by r.opened_at desc, r.round_id desc");
        return jdbc.query(sql.toString(), SUMMARY_ROW, args.toArray());
    }

    @QueryHandler
    Optional<RoundDetail> handle(FindEvaluationRound query) {
        return jdbc.query(SUMMARY + "where r.round_id = ?", (rs, n) -> new Object[]{SUMMARY_ROW.mapRow(rs, n),
                read(rs.getString("scope"), RoundScope.class), read(rs.getString("scheme"), ScoringScheme.class),
                rs.getString("cancel_reason")}, query.roundId()).stream().findFirst().map(row -> {
            String roundId = query.roundId();
            List<RoundItem> items = items(roundId, null);
            Map<String, Integer> scored = new HashMap<>();
            jdbc.query("select evaluator, count(*) from evaluation_score where round_id = ? group by evaluator",
                    rs -> {
                        scored.put(rs.getString(1), rs.getInt(2));
                    }, roundId);
            Map<String, List<String>> conflicts = new HashMap<>();
            jdbc.query("select c.evaluator, c.item_id from evaluation_conflict c join evaluation_item i "
                    + "on i.round_id = c.round_id and i.item_id = c.item_id where c.round_id = ? order by i.seq_no", rs -> {
                conflicts.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
            }, roundId);
            List<RoundDetail.EvaluatorState> evaluators = jdbc.query("select * from evaluation_evaluator where round_id = ? "
                    + "order by seq_no", (rs, n) -> new RoundDetail.EvaluatorState(evaluator(rs),
                    scored.getOrDefault(rs.getString("username"), 0), rs.getBoolean("completed"), rs.getBoolean("overdue"),
                    conflicts.getOrDefault(rs.getString("username"), List.of())), roundId);
            List<RoundDetail.UnitState> units = jdbc.query("select * from evaluation_unit where round_id = ? order by seq_no",
                    (rs, n) -> new RoundDetail.UnitState(new UnitRef(rs.getString("unit_id"), rs.getString("unit_name")),
                            rs.getInt("items"), rs.getBoolean("submitted"), rs.getBoolean("late"), rs.getBoolean("overdue")),
                    roundId);
            List<String> divergent = jdbc.queryForList("select item_id from evaluation_item where round_id = ? "
                    + "and divergent = true order by seq_no", String.class, roundId);
            return new RoundDetail((RoundSummary) row[0], (RoundScope) row[1], (ScoringScheme) row[2], evaluators, units,
                    items, divergent, (String) row[3]);
        });
    }

    /**
     * The sheet as its reader may see it: an evaluator reading a blind round ({@code onlyEvaluator}) gets their own
     * scores alone, and neither the others' nor a mean, nor a current score that would be that mean.
     */
    @QueryHandler
    List<SheetRow> handle(FindRoundSheet query) {
        String roundId = query.roundId();
        List<Boolean> blind = jdbc.queryForList("select blind from evaluation_round where round_id = ?", Boolean.class,
                roundId);
        if (blind.isEmpty()) {
            return List.of();
        }
        boolean withheld = query.onlyEvaluator() != null && blind.get(0);
        Map<String, List<SheetRow.EvaluatorScore>> scores = new HashMap<>();
        jdbc.query("select s.*, e.display_name from evaluation_score s left join evaluation_evaluator e "
                + "on e.round_id = s.round_id and e.username = s.evaluator where s.round_id = ? "
                + "order by e.seq_no, s.evaluator", rs -> {
            String grade = rs.getString("grade");
            Map<String, BigDecimal> criteria = read(rs.getString("criterion_scores"), CRITERION_SCORES);
            scores.computeIfAbsent(rs.getString("item_id"), k -> new ArrayList<>()).add(new SheetRow.EvaluatorScore(
                    rs.getString("evaluator"), rs.getString("display_name"), criteria == null ? Map.of() : criteria,
                    grade == null ? null : Grade.valueOf(grade), rs.getBigDecimal("total"), rs.getString("score_comment")));
        }, roundId);
        Map<String, List<String>> conflicted = new HashMap<>();
        jdbc.query("select c.item_id, c.evaluator from evaluation_conflict c left join evaluation_evaluator e "
                + "on e.round_id = c.round_id and e.username = c.evaluator where c.round_id = ? order by e.seq_no", rs -> {
            conflicted.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
        }, roundId);
        Map<String, List<SheetRow.Calibration>> calibrations = new HashMap<>();
        jdbc.query("select * from evaluation_calibration where round_id = ? order by calibrated_at, id", rs -> {
            calibrations.computeIfAbsent(rs.getString("item_id"), k -> new ArrayList<>()).add(new SheetRow.Calibration(
                    rs.getBigDecimal("score_before"), rs.getBigDecimal("score_after"), rs.getString("reason"),
                    rs.getString("calibrated_by"), instant(rs, "calibrated_at")));
        }, roundId);
        StringBuilder sql = new StringBuilder("select * from evaluation_item where round_id = ?");
        List<Object> args = new ArrayList<>(List.of(roundId));
        if (query.unitId() != null) {
            sql.append(" and unit_id = ?");
            args.add(query.unitId());
        }
        sql.append(" order by seq_no");
        return jdbc.query(sql.toString(), (rs, n) -> {
            RoundItem item = item(rs);
            List<SheetRow.EvaluatorScore> all = scores.getOrDefault(item.itemId(), List.of());
            BigDecimal mean = withheld ? null : mean(all);
            List<SheetRow.EvaluatorScore> given = withheld
                    ? all.stream().filter(score -> score.evaluator().equals(query.onlyEvaluator())).toList() : all;
            BigDecimal selfScore = rs.getBigDecimal("self_score");
            SelfAssessmentEntry self = selfScore == null ? null : new SelfAssessmentEntry(item.itemId(), selfScore,
                    rs.getString("self_narrative"), read(rs.getString("self_evidence"), EVIDENCE));
            BigDecimal reconciled = rs.getBigDecimal("reconciled_score");
            BigDecimal calibrated = rs.getBigDecimal("calibrated_score");
            BigDecimal current = calibrated != null ? calibrated : reconciled != null ? reconciled : mean;
            return new SheetRow(item, self, given, conflicted.getOrDefault(item.itemId(), List.of()),
                    rs.getBoolean("divergent"), mean, reconciled, rs.getString("reconcile_reason"),
                    calibrations.getOrDefault(item.itemId(), List.of()), current);
        }, args.toArray());
    }

    /** The mean of the evaluators' totals, two decimals, half up, as the round computes it; absent if none scored. */
    static BigDecimal mean(List<SheetRow.EvaluatorScore> scores) {
        if (scores.isEmpty()) {
            return null;
        }
        BigDecimal sum = scores.stream().map(SheetRow.EvaluatorScore::total).reduce(BigDecimal.ZERO, BigDecimal::add);
        return sum.divide(BigDecimal.valueOf(scores.size()), ScoringScheme.SCALE, RoundingMode.HALF_UP);
    }

    @QueryHandler
    Optional<RoundResults> handle(FindRoundResults query) {
        List<Object[]> found = jdbc.query(SUMMARY + "where r.round_id = ? and r.published_at is not null",
                (rs, n) -> new Object[]{SUMMARY_ROW.mapRow(rs, n), instant(rs, "published_at")}, query.roundId());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        RoundSummary summary = (RoundSummary) found.get(0)[0];
        Instant publishedAt = (Instant) found.get(0)[1];
        List<ItemResult> items = jdbc.query("select * from evaluation_item_result where round_id = ? order by seq_no",
                (rs, n) -> new ItemResult(rs.getString("item_id"), ItemKind.valueOf(rs.getString("kind")),
                        rs.getString("unit_id"), rs.getBigDecimal("score"), grade(rs), rs.getBigDecimal("self_score"),
                        rs.getInt("evaluator_scores"), rs.getBoolean("reconciled"), rs.getBoolean("calibrated")),
                query.roundId());
        List<UnitResult> units = unitResults(query.roundId());
        List<ItemFact> facts = jdbc.query("select * from evaluation_item_fact where round_id = ? order by seq_no",
                (rs, n) -> {
                    String status = rs.getString("status");
                    int stored = rs.getInt("percent_complete");
                    Integer percent = rs.wasNull() ? null : stored;
                    return new ItemFact(rs.getString("item_id"), ItemKind.valueOf(rs.getString("kind")),
                            status == null ? null : RagStatus.valueOf(status), percent,
                            rs.getInt("reports_accepted"), rs.getInt("reports_overdue"), rs.getString("latest_progress"),
                            rs.getString("unit_of_measure"), rs.getString("baseline"), rs.getString("target"),
                            rs.getString("current_value"), rs.getString("value_period"));
                }, query.roundId());
        Map<Grade, Integer> itemGrades = distribution(items.stream().map(ItemResult::grade).toList());
        Map<Grade, Integer> unitGrades = distribution(units.stream().map(UnitResult::grade).toList());

        // the plan's latest round published before this one
        List<String[]> previous = jdbc.query("select round_id, title from evaluation_round where plan_id = ? "
                        + "and round_id <> ? and published_at is not null and published_at < ? order by published_at desc",
                (rs, n) -> new String[]{rs.getString(1), rs.getString(2)}, summary.planId(), query.roundId(),
                from(publishedAt));
        String previousRoundId = previous.isEmpty() ? null : previous.get(0)[0];
        Map<String, UnitResult> before = new HashMap<>();
        if (previousRoundId != null) {
            unitResults(previousRoundId).forEach(unit -> before.put(unit.unit().unitId(), unit));
        }
        List<RoundResults.UnitComparison> comparison = units.stream().map(unit -> {
            UnitResult then = before.get(unit.unit().unitId());
            return new RoundResults.UnitComparison(unit.unit().unitId(), unit.unit().name(), unit.score(), unit.rank(),
                    then == null ? null : then.score(), then == null ? null : then.rank());
        }).toList();
        return Optional.of(new RoundResults(summary, items, units, facts, itemGrades, unitGrades, previousRoundId,
                previous.isEmpty() ? null : previous.get(0)[1], comparison, publishedAt));
    }

    private List<UnitResult> unitResults(String roundId) {
        return jdbc.query("select * from evaluation_unit_result where round_id = ? order by seq_no",
                (rs, n) -> new UnitResult(new UnitRef(rs.getString("unit_id"), rs.getString("unit_name")),
                        rs.getBigDecimal("score"), grade(rs), rs.getInt("unit_rank"), rs.getInt("scored_items")), roundId);
    }

    /** How many got each grade, every grade present, best first. */
    private static Map<Grade, Integer> distribution(List<Grade> grades) {
        Map<Grade, Integer> counts = new EnumMap<>(Grade.class);
        for (Grade grade : Grade.values()) {
            counts.put(grade, 0);
        }
        grades.stream().filter(grade -> grade != null).forEach(grade -> counts.merge(grade, 1, Integer::sum));
        return counts;
    }

    private List<RoundItem> items(String roundId, String unitId) {
        return jdbc.query("select * from evaluation_item where round_id = ?" + (unitId == null ? "" : " and unit_id = ?")
                        + " order by seq_no", (rs, n) -> item(rs),
                unitId == null ? new Object[]{roundId} : new Object[]{roundId, unitId});
    }

    private static RoundItem item(ResultSet rs) throws SQLException {
        return new RoundItem(rs.getString("item_id"), ItemKind.valueOf(rs.getString("kind")),
                new UnitRef(rs.getString("unit_id"), rs.getString("unit_name")), rs.getString("label"),
                rs.getString("section_id"));
    }

    private static Evaluator evaluator(ResultSet rs) throws SQLException {
        return new Evaluator(rs.getString("username"), rs.getString("display_name"),
                EvaluatorKind.valueOf(rs.getString("kind")), rs.getString("organisation"));
    }

    private static Grade grade(ResultSet rs) throws SQLException {
        String grade = rs.getString("grade");
        return grade == null ? null : Grade.valueOf(grade);
    }

    private static final RowMapper<RoundSummary> SUMMARY_ROW = (rs, n) -> new RoundSummary(rs.getString("round_id"),
            rs.getString("plan_id"), rs.getString("plan_title"), rs.getString("office"),
            RoundKind.valueOf(rs.getString("kind")), rs.getString("title"), date(rs, "cut_off"),
            RoundPhase.valueOf(rs.getString("phase")), new PhaseDeadlines(date(rs, "self_assessment_due"),
            date(rs, "scoring_due"), date(rs, "calibration_due"), date(rs, "publication_due")), rs.getInt("items"),
            rs.getInt("units"), rs.getInt("evaluators"), rs.getBoolean("blind"), instant(rs, "opened_at"));
}
