package org.duban.app.evaluation;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.duban.api.Limits;
import org.duban.api.Role;
import org.duban.api.evaluation.Evaluator;
import org.duban.api.evaluation.FindEvaluationRound;
import org.duban.api.evaluation.FindEvaluationRounds;
import org.duban.api.evaluation.FindItemFactsAsOf;
import org.duban.api.evaluation.FindRoundResults;
import org.duban.api.evaluation.FindRoundSheet;
import org.duban.api.evaluation.ItemFact;
import org.duban.api.evaluation.ItemKind;
import org.duban.api.evaluation.ItemScore;
import org.duban.api.evaluation.OpenEvaluationRound;
import org.duban.api.evaluation.PhaseDeadlines;
import org.duban.api.evaluation.RoundDetail;
import org.duban.api.evaluation.RoundItem;
import org.duban.api.evaluation.RoundKind;
import org.duban.api.evaluation.RoundPhase;
import org.duban.api.evaluation.RoundResults;
import org.duban.api.evaluation.RoundScope;
import org.duban.api.evaluation.RoundSummary;
import org.duban.api.evaluation.ScoringScheme;
import org.duban.api.evaluation.SelfAssessmentEntry;
import org.duban.api.evaluation.SheetRow;
import org.duban.api.indicator.IndicatorView;
import org.duban.api.plan.FindPlanTree;
import org.duban.api.plan.PlanTree;
import org.duban.api.task.AdjustmentKind;
import org.duban.api.task.TaskView;
import org.duban.api.unit.UnitRef;
import org.duban.app.security.DubanUser;
import org.duban.app.security.WorkAccess;
import org.duban.app.web.NotFound;
import org.duban.app.web.Retries;
import org.duban.process.evaluation.EvaluationRounds;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Every act on an evaluation round, for the API and the pages. Who may act is checked here first (the supervisors of
 * the plan's office run the round, a unit assesses its own items, an appointed evaluator scores); then the process
 * takes the act in one transaction and the round decides by its own rules (409 when it refuses). A race lost is tried
 * again ({@link Retries}).
 */
@Component
public class EvaluationWork {
    private final EvaluationRounds rounds;
    private final QueryGateway queries;
    private final Retries retries;

    EvaluationWork(EvaluationRounds rounds, QueryGateway queries, Retries retries) {
        this.rounds = rounds;
        this.queries = queries;
        this.retries = retries;
    }

    /** What a supervisor asks for when opening a round; the scope is resolved into items from the plan. */
    public record Opening(String planId, RoundKind kind, String title, LocalDate cutOff, RoundScope scope,
                          ScoringScheme scheme, PhaseDeadlines deadlines, Boolean blind, List<Evaluator> evaluators) {
    }

    /** What the reader of a round may do on it now. */
    public record Actions(boolean run, boolean selfAssess, String ownUnitId, boolean score, boolean reconcile,
                          boolean calibrate, boolean publish, boolean close, boolean cancel, boolean closeSelfAssessment,
                          boolean closeScoring, boolean results) {
        public boolean any() {
            return selfAssess || score || reconcile || calibrate || publish || close || cancel || closeSelfAssessment
                    || closeScoring;
        }
    }

    /** Opens a round on the plan's items the scope names; answers the round's id. */
    public String open(Opening opening, DubanUser user) {
        if (opening == null) {
            throw new IllegalArgumentException("the round's opening is required");
        }
        String planId = required(blankToNull(opening.planId()), "planId");
        PlanTree tree = tree(planId);
        String office = tree.plan().supervisingUnit();
        requireSupervisor(office, user, "open an evaluation round on this plan");
        RoundScope scope = opening.scope() == null ? RoundScope.wholePlan() : opening.scope();
        List<RoundItem> items = items(tree, scope);
        String roundId = UUID.randomUUID().toString();
        OpenEvaluationRound command = new OpenEvaluationRound(roundId, planId, office, required(opening.kind(), "kind"),
                opening.title(), required(opening.cutOff(), "cutOff"), scope, items,
                opening.scheme() == null ? ScoringScheme.standard() : opening.scheme(),
                required(opening.deadlines(), "deadlines"), required(opening.evaluators(), "evaluators"),
                opening.blind() != null && opening.blind());
        return retries.attempt("the opening of an evaluation round", () -> rounds.open(command));
    }

    /** The rounds a user may read: of a plan, or all; an evaluator sees the rounds they are appointed to, a unit those it is in. */
    public List<RoundSummary> list(String planId, DubanUser user) {
        FindEvaluationRounds query = new FindEvaluationRounds(blankToNull(planId),
                user.role() == Role.EVALUATOR ? user.getUsername() : null);
        List<RoundSummary> all = queries.query(query, ResponseTypes.multipleInstancesOf(RoundSummary.class)).join();
        return all.stream().filter(round -> switch (user.role()) {
            case ADMIN, AUDITOR, EVALUATOR -> true;
            case SUPERVISOR -> WorkAccess.supervises(round.office(), user);
            // a unit lists only the rounds it has items in; rounds are few, so reading each one's units is cheap
            case UNIT_USER -> mayRead(detail(round.roundId()), user);
            default -> false;
        }).toList();
    }

    /** The round for its office's supervisors, its units, its evaluators, administrators and auditors. */
    public RoundDetail read(String roundId, DubanUser user) {
        RoundDetail detail = detail(roundId);
        if (!mayRead(detail, user)) {
            throw new AccessDeniedException("evaluation round " + roundId + " is not your office's, your unit's or yours to score");
        }
        return detail;
    }

    /**
     * The score sheet as the reader may see it: a unit its own items; an evaluator of a blind round, while scoring is
     * not yet closed (or always, for a third party), only their own scores.
     */
    public List<SheetRow> sheet(String roundId, DubanUser user) {
        RoundDetail detail = read(roundId, user);
        String unitId = user.role() == Role.UNIT_USER ? WorkAccess.unitIdOf(user) : null;
        String only = null;
        if (detail.summary().blind() && isEvaluator(detail, user)) {
            boolean scoring = detail.summary().phase() == RoundPhase.SELF_ASSESSMENT
                    || detail.summary().phase() == RoundPhase.SCORING;
            if (scoring || !WorkAccess.supervises(detail.summary().office(), user)) {
                only = user.getUsername();
            }
        }
        return queries.query(new FindRoundSheet(roundId, unitId, only),
                ResponseTypes.multipleInstancesOf(SheetRow.class)).join();
    }

    /** The published results; 404 before publication. */
    public RoundResults results(String roundId, DubanUser user) {
        read(roundId, user);
        return queries.query(new FindRoundResults(roundId), ResponseTypes.optionalInstanceOf(RoundResults.class)).join()
                .orElseThrow(() -> new NotFound("evaluation round " + roundId + " has published no results yet"));
    }

    /** The results if published, else null: for pages that show them when there are any. */
    public RoundResults resultsIfAny(String roundId) {
        return queries.query(new FindRoundResults(roundId), ResponseTypes.optionalInstanceOf(RoundResults.class)).join()
                .orElse(null);
    }

    public void submitSelfAssessment(String roundId, String unitId, List<SelfAssessmentEntry> entries, DubanUser user) {
        onRound(roundId, "the self-assessment", detail -> {
            if (user.role() != Role.UNIT_USER || !Objects.equals(WorkAccess.unitIdOf(user), unitId)) {
                throw new AccessDeniedException("only a user of unit " + unitId + " assesses its own items");
            }
            if (detail.units().stream().noneMatch(u -> u.unit().unitId().equals(unitId))) {
                throw new IllegalArgumentException("unitId: unit " + unitId + " has no item in evaluation round " + roundId);
            }
            rounds.submitSelfAssessment(roundId, unitId, required(entries, "entries"));
        });
    }

    public void declareConflict(String roundId, List<String> itemIds, String reason, DubanUser user) {
        onRound(roundId, "the declaration of a conflict of interest", detail -> {
            requireEvaluator(detail, user);
            rounds.declareConflict(roundId, user.getUsername(), required(itemIds, "itemIds"), reason);
        });
    }

    public void score(String roundId, ItemScore score, DubanUser user) {
        onRound(roundId, "the score", detail -> {
            requireEvaluator(detail, user);
            rounds.score(roundId, user.getUsername(), required(score, "score"));
        });
    }

    public void completeScoring(String roundId, DubanUser user) {
        onRound(roundId, "the hand-in of scores", detail -> {
            requireEvaluator(detail, user);
            rounds.completeScoring(roundId, user.getUsername());
        });
    }

    public void closeSelfAssessment(String roundId, String reason, DubanUser user) {
        asSupervisor(roundId, "the closing of self-assessment", () -> rounds.closeSelfAssessment(roundId,
                blankToNull(reason)), user);
    }

    public void closeScoring(String roundId, String reason, DubanUser user) {
        asSupervisor(roundId, "the closing of scoring", () -> rounds.closeScoring(roundId,
                blankToNull(reason)), user);
    }

    public void reconcile(String roundId, String itemId, BigDecimal score, String reason, DubanUser user) {
        asSupervisor(roundId, "the reconciliation", () -> rounds.reconcile(roundId, required(blankToNull(itemId), "itemId"),
                required(score, "score"), reason), user);
    }

    public void completeReconciliation(String roundId, DubanUser user) {
        asSupervisor(roundId, "the end of reconciliation", () -> rounds.completeReconciliation(roundId), user);
    }

    public void calibrate(String roundId, String itemId, BigDecimal after, String reason, DubanUser user) {
        asSupervisor(roundId, "the calibration", () -> rounds.calibrate(roundId, required(blankToNull(itemId), "itemId"),
                required(after, "after"), reason), user);
    }

    public void finishCalibration(String roundId, DubanUser user) {
        asSupervisor(roundId, "the end of calibration", () -> rounds.finishCalibration(roundId), user);
    }

    /** Publishes the results, judged on the facts as of the cut-off, rebuilt from the event store. */
    public void publish(String roundId, DubanUser user) {
        onRound(roundId, "the publication", detail -> {
            requireSupervisor(detail.summary().office(), user, "publish the results");
            List<ItemFact> facts = queries.query(new FindItemFactsAsOf(detail.summary().planId(), detail.items(),
                    detail.summary().cutOff()), ResponseTypes.multipleInstancesOf(ItemFact.class)).join();
            rounds.publish(roundId, facts);
        });
    }

    /**
     * Use of the results: a supervisor sends an item of a published round into the adjustment process (a task's text,
     * due date or units; an indicator's target). Answers the adjustment's id.
     */
    public String proposeAdjustment(String roundId, String itemId, AdjustmentKind kind, String proposal, String reason,
                                    DubanUser user) {
        String wanted = required(blankToNull(itemId), "itemId");
        return retries.attempt("the adjustment proposal of evaluation round " + roundId, () -> {
            RoundDetail detail = detail(roundId);
            requireSupervisor(detail.summary().office(), user, "propose an adjustment in evaluation round " + roundId);
            RoundItem item = detail.items().stream().filter(candidate -> candidate.itemId().equals(wanted)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("itemId: " + wanted + " is not an item of evaluation round "
                            + roundId));
            if (item.kind() == ItemKind.TASK) {
                required(kind, "kind");
            }
            return rounds.proposeAdjustment(roundId, item, kind, proposal, reason);
        });
    }

    public void close(String roundId, DubanUser user) {
        asSupervisor(roundId, "the closing of the round", () -> rounds.close(roundId), user);
    }

    public void cancel(String roundId, String reason, DubanUser user) {
        asSupervisor(roundId, "the cancellation", () -> rounds.cancel(roundId, required(blankToNull(reason), "reason")),
                user);
    }

    /** What the reader may do on the round in its phase; the round still judges each act. */
    public Actions actions(RoundDetail detail, DubanUser user) {
        RoundPhase phase = detail.summary().phase();
        boolean supervisor = WorkAccess.supervises(detail.summary().office(), user);
        String ownUnit = user.role() == Role.UNIT_USER ? WorkAccess.unitIdOf(user) : null;
        boolean unitWaits = ownUnit != null && detail.units().stream()
                .anyMatch(u -> u.unit().unitId().equals(ownUnit) && !u.submitted());
        boolean evaluatorWaits = detail.evaluators().stream()
                .anyMatch(e -> e.evaluator().username().equals(user.getUsername()) && !e.completed());
        boolean beforePublication = phase == RoundPhase.SELF_ASSESSMENT || phase == RoundPhase.SCORING
                || phase == RoundPhase.RECONCILIATION || phase == RoundPhase.CALIBRATION || phase == RoundPhase.PUBLICATION;
        return new Actions(supervisor, unitWaits && phase == RoundPhase.SELF_ASSESSMENT, ownUnit,
                evaluatorWaits && phase == RoundPhase.SCORING, supervisor && phase == RoundPhase.RECONCILIATION,
                supervisor && phase == RoundPhase.CALIBRATION, supervisor && phase == RoundPhase.PUBLICATION,
                supervisor && phase == RoundPhase.PUBLISHED, supervisor && beforePublication,
                supervisor && phase == RoundPhase.SELF_ASSESSMENT, supervisor && phase == RoundPhase.SCORING,
                phase == RoundPhase.PUBLISHED || phase == RoundPhase.CLOSED);
    }

    public boolean isEvaluator(RoundDetail detail, DubanUser user) {
        return detail.evaluators().stream().anyMatch(e -> e.evaluator().username().equals(user.getUsername()));
    }

    /** The round's items, resolved from the scope in the plan's order: tasks first, then indicators. */
    static List<RoundItem> items(PlanTree tree, RoundScope scope) {
        List<TaskView> tasks = tree.allTasks();
        Map<String, TaskView> tasksById = new LinkedHashMap<>();
        tasks.forEach(task -> tasksById.put(task.taskId(), task));
        Map<String, IndicatorView> indicatorsById = new LinkedHashMap<>();
        tree.indicators().forEach(indicator -> indicatorsById.put(indicator.indicatorId(), indicator));
        Set<String> chosenTasks = new HashSet<>();
        Set<String> chosenIndicators = new HashSet<>();
        Set<String> named = new HashSet<>();
        if (scope.isWholePlan()) {
            chosenTasks.addAll(tasksById.keySet());
            chosenIndicators.addAll(indicatorsById.keySet());
        }
        for (String sectionId : scope.sectionIds()) {
            PlanTree.Section section = section(tree.sections(), sectionId);
            if (section == null) {
                throw new IllegalArgumentException("scope.sectionIds: section " + sectionId + " is not in plan "
                        + tree.plan().planId());
            }
            List<TaskView> under = new ArrayList<>();
            collect(section, under);
            under.forEach(task -> chosenTasks.add(task.taskId()));
            Set<String> underIds = new HashSet<>(under.stream().map(TaskView::taskId).toList());
            tree.indicators().stream().filter(i -> i.taskId() != null && underIds.contains(i.taskId()))
                    .forEach(i -> chosenIndicators.add(i.indicatorId()));
        }
        for (String taskId : scope.taskIds()) {
            if (!tasksById.containsKey(taskId)) {
                throw new IllegalArgumentException("scope.taskIds: task " + taskId + " is not in plan " + tree.plan().planId());
            }
            chosenTasks.add(taskId);
            named.add(taskId);
        }
        for (String indicatorId : scope.indicatorIds()) {
            if (!indicatorsById.containsKey(indicatorId)) {
                throw new IllegalArgumentException("scope.indicatorIds: indicator " + indicatorId + " is not in plan "
                        + tree.plan().planId());
            }
            chosenIndicators.add(indicatorId);
            named.add(indicatorId);
        }
        Set<String> units = new HashSet<>(scope.unitIds());
        if (!units.isEmpty()) {
            Set<String> known = new HashSet<>();
            tasks.forEach(task -> {
                known.add(task.leadUnit().unitId());
                if (units.contains(task.leadUnit().unitId())) {
                    chosenTasks.add(task.taskId());
                }
            });
            tree.indicators().forEach(indicator -> {
                UnitRef unit = unitOf(indicator, tasksById);
                if (unit != null) {
                    known.add(unit.unitId());
                    if (units.contains(unit.unitId())) {
                        chosenIndicators.add(indicator.indicatorId());
                    }
                }
            });
            for (String unitId : scope.unitIds()) {
                if (!known.contains(unitId)) {
                    throw new IllegalArgumentException("scope.unitIds: unit " + unitId + " answers for no task or "
                            + "indicator of plan " + tree.plan().planId());
                }
            }
        }
        List<RoundItem> items = new ArrayList<>();
        for (TaskView task : tasks) {
            if (chosenTasks.contains(task.taskId())) {
                items.add(new RoundItem(task.taskId(), ItemKind.TASK, task.leadUnit(),
                        label(task.shownNumber(), task.text()), task.sectionId()));
            }
        }
        for (IndicatorView indicator : tree.indicators()) {
            if (!chosenIndicators.contains(indicator.indicatorId())) {
                continue;
            }
            UnitRef unit = unitOf(indicator, tasksById);
            if (unit == null) {
                if (named.contains(indicator.indicatorId())) {
                    throw new IllegalArgumentException("scope.indicatorIds: indicator " + indicator.indicatorId()
                            + " names no responsible unit to assess it");
                }
                continue; // an indicator nobody answers for is left out of a broad scope
            }
            TaskView stating = indicator.taskId() == null ? null : tasksById.get(indicator.taskId());
            items.add(new RoundItem(indicator.indicatorId(), ItemKind.INDICATOR, unit,
                    label(indicator.shownNumber(), indicator.name()), stating == null ? null : stating.sectionId()));
        }
        return items;
    }

    private static UnitRef unitOf(IndicatorView indicator, Map<String, TaskView> tasks) {
        if (!indicator.responsibleUnits().isEmpty()) {
            return indicator.responsibleUnits().get(0);
        }
        TaskView stating = indicator.taskId() == null ? null : tasks.get(indicator.taskId());
        return stating == null ? null : stating.leadUnit();
    }

    private static String label(String number, String text) {
        String label = (number == null || number.isBlank() ? "" : number + " ") + text;
        return label.length() > Limits.TASK_TEXT ? label.substring(0, Limits.TASK_TEXT - 1) + "…" : label;
    }

    private static PlanTree.Section section(List<PlanTree.Section> sections, String sectionId) {
        for (PlanTree.Section section : sections) {
            if (section.sectionId().equals(sectionId)) {
                return section;
            }
            PlanTree.Section found = section(section.children(), sectionId);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static void collect(PlanTree.Section section, List<TaskView> into) {
        into.addAll(section.tasks());
        section.children().forEach(child -> collect(child, into));
    }

    private boolean mayRead(RoundDetail detail, DubanUser user) {
        return switch (user.role()) {
            case ADMIN, AUDITOR -> true;
            case SUPERVISOR -> WorkAccess.supervises(detail.summary().office(), user) || isEvaluator(detail, user);
            case EVALUATOR -> isEvaluator(detail, user);
            case UNIT_USER -> detail.units().stream()
                    .anyMatch(u -> u.unit().unitId().equals(WorkAccess.unitIdOf(user)));
            default -> false;
        };
    }

    private void requireEvaluator(RoundDetail detail, DubanUser user) {
        // a supervisor of the office who is not appointed is left to the round to refuse (409)
        if (!isEvaluator(detail, user) && !WorkAccess.supervises(detail.summary().office(), user)) {
            throw new AccessDeniedException("only an evaluator appointed to evaluation round "
                    + detail.summary().roundId() + " scores in it");
        }
    }

    private static void requireSupervisor(String office, DubanUser user, String what) {
        if (!WorkAccess.supervises(office, user)) {
            throw new AccessDeniedException("only a supervisor of " + (office == null ? "the plan" : office)
                    + " may " + what);
        }
    }

    private void asSupervisor(String roundId, String what, Runnable act, DubanUser user) {
        onRound(roundId, what, detail -> {
            requireSupervisor(detail.summary().office(), user, "take " + what + " of evaluation round " + roundId);
            act.run();
        });
    }

    private void onRound(String roundId, String what, java.util.function.Consumer<RoundDetail> act) {
        retries.attempt(what + " of evaluation round " + roundId, () -> act.accept(detail(roundId)));
    }

    private RoundDetail detail(String roundId) {
        return queries.query(new FindEvaluationRound(roundId), ResponseTypes.optionalInstanceOf(RoundDetail.class))
                .join().orElseThrow(() -> new NotFound("evaluation round " + roundId + " does not exist"));
    }

    private PlanTree tree(String planId) {
        return queries.query(new FindPlanTree(planId), ResponseTypes.optionalInstanceOf(PlanTree.class)).join()
                .orElseThrow(() -> new IllegalArgumentException("planId: plan " + planId + " does not exist"));
    }

    static <T> T required(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value;
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
