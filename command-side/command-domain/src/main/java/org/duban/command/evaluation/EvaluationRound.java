package org.duban.command.evaluation;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.duban.api.CommandRefused;
import org.duban.api.MetadataKeys;
import org.duban.api.NotAuthorized;
import org.duban.api.Role;
import org.duban.api.evaluation.AppointEvaluator;
import org.duban.api.evaluation.CalibrateItemScore;
import org.duban.api.evaluation.CalibrationFinished;
import org.duban.api.evaluation.CancelEvaluationRound;
import org.duban.api.evaluation.CloseEvaluationRound;
import org.duban.api.evaluation.CloseScoring;
import org.duban.api.evaluation.CloseSelfAssessment;
import org.duban.api.evaluation.CompleteReconciliation;
import org.duban.api.evaluation.CompleteScoring;
import org.duban.api.evaluation.ConflictOfInterestDeclared;
import org.duban.api.evaluation.Criterion;
import org.duban.api.evaluation.DeclareConflictOfInterest;
import org.duban.api.evaluation.EvaluationRoundCancelled;
import org.duban.api.evaluation.EvaluationRoundClosed;
import org.duban.api.evaluation.EvaluationRoundOpened;
import org.duban.api.evaluation.Evaluator;
import org.duban.api.evaluation.EvaluatorAppointed;
import org.duban.api.evaluation.EvaluatorScoringCompleted;
import org.duban.api.evaluation.FinishCalibration;
import org.duban.api.evaluation.ItemFact;
import org.duban.api.evaluation.ItemScore;
import org.duban.api.evaluation.ItemScoreCalibrated;
import org.duban.api.evaluation.ItemScoreReconciled;
import org.duban.api.evaluation.MarkScoringOverdue;
import org.duban.api.evaluation.MarkSelfAssessmentOverdue;
import org.duban.api.evaluation.OpenEvaluationRound;
import org.duban.api.evaluation.PhaseDeadlines;
import org.duban.api.evaluation.PublishRoundResults;
import org.duban.api.evaluation.ReconcileItemScore;
import org.duban.api.evaluation.ReconciliationCompleted;
import org.duban.api.evaluation.RemindEvaluator;
import org.duban.api.evaluation.RemindSelfAssessment;
import org.duban.api.evaluation.RoundItem;
import org.duban.api.evaluation.RoundItemScored;
import org.duban.api.evaluation.RoundPhase;
import org.duban.api.evaluation.RoundResultsPublished;
import org.duban.api.evaluation.SchemeKind;
import org.duban.api.evaluation.ScoreRoundItem;
import org.duban.api.evaluation.ScoringClosed;
import org.duban.api.evaluation.ScoringOverdue;
import org.duban.api.evaluation.ScoringReminderSent;
import org.duban.api.evaluation.ScoringScheme;
import org.duban.api.evaluation.SelfAssessmentClosed;
import org.duban.api.evaluation.SelfAssessmentEntry;
import org.duban.api.evaluation.SelfAssessmentOverdue;
import org.duban.api.evaluation.SelfAssessmentReminderSent;
import org.duban.api.evaluation.SelfAssessmentSubmitted;
import org.duban.api.evaluation.SubmitSelfAssessment;
import org.duban.api.unit.UnitIds;
import org.duban.api.unit.UnitRef;
import org.duban.command.OfficeAuthority;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One evaluation round (评估) of a plan, from its opening to its close: the units' self-assessment, the evaluators'
 * scoring with their conflicts of interest, the reconciliation of items they differ on, the supervisor's calibration,
 * and the published results. Phases only move forward; the round's process closes the self-assessment and the scoring
 * (when all are in, or at the deadline), the round never closes a phase by itself. Nothing is recorded after the round
 * is closed or cancelled; a timer's command then answers false, a person's is refused.
 */
@Aggregate
class EvaluationRound {
    /** Due days are days in the offices' time zone (the process's WorkflowClock uses the same). */
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final int NAMED = 5;

    @AggregateIdentifier
    private String roundId;
    private String planId;
    private String office;
    private RoundPhase phase;
    private ScoringScheme scheme;
    private PhaseDeadlines deadlines;
    private final Map<String, RoundItem> items = new LinkedHashMap<>();
    /** each unit's items, units in the order of their first item */
    private final Map<String, List<String>> unitItems = new LinkedHashMap<>();
    private final Map<String, String> unitNames = new HashMap<>();
    private final Map<String, Evaluator> evaluators = new LinkedHashMap<>();
    private final Set<String> submittedUnits = new HashSet<>();
    private final Set<String> overdueUnits = new HashSet<>();
    private final Map<String, BigDecimal> selfScores = new HashMap<>();
    /** evaluator → the items they declared a conflict with */
    private final Map<String, Set<String>> conflicts = new HashMap<>();
    /** item → evaluator → their latest score of it */
    private final Map<String, Map<String, Scored>> scores = new HashMap<>();
    private final Set<String> completedEvaluators = new HashSet<>();
    private final Set<String> overdueEvaluators = new HashSet<>();
    private final List<String> divergentItems = new ArrayList<>();
    private final Map<String, Reconciled> reconciled = new HashMap<>();
    private final Map<String, BigDecimal> calibrated = new HashMap<>();

    private record Scored(ItemScore score, BigDecimal total) {
    }

    private record Reconciled(BigDecimal score, String reason) {
    }

    protected EvaluationRound() {
        // for Axon
    }

    // --- opening and evaluators ------------------------------------------------------------------------------------

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(OpenEvaluationRound command, @MetaDataValue(MetadataKeys.ACTOR_ROLE) String role,
                @MetaDataValue(MetadataKeys.ACTOR_UNIT) String unit) {
        OfficeAuthority.require(command.office(), role, unit, "open an evaluation round on plan " + command.planId());
        if (phase != null) {
            throw new CommandRefused("round.exists", "evaluation round " + command.roundId() + " is opened already");
        }
        apply(new EvaluationRoundOpened(command.roundId(), command.planId(), command.office(), command.kind(),
                command.title(), command.cutOff(), command.scope(), command.items(), command.scheme(),
                command.deadlines(), command.evaluators(), command.blind()));
    }

    /** Appointing an evaluator again with the same details changes nothing. */
    @CommandHandler
    void handle(AppointEvaluator command, @MetaDataValue(MetadataKeys.ACTOR_ROLE) String role,
                @MetaDataValue(MetadataKeys.ACTOR_UNIT) String unit) {
        requireOffice(role, unit, "appoint evaluators to");
        refuseIfEnded();
        requireScoringOpen();
        Evaluator existing = evaluators.get(command.evaluator().username());
        if (existing != null) {
            if (existing.equals(command.evaluator())) {
                return;
            }
            throw new CommandRefused("evaluator.appointed", "evaluator " + existing.username()
                    + " is appointed to evaluation round " + roundId + " already, as " + existing.displayName()
                    + " of " + existing.organisation());
        }
        apply(new EvaluatorAppointed(roundId, planId, command.evaluator()));
    }

    // --- self-assessment ---------------------------------------------------------------------------------------------

    /**
     * Taken once per unit, with an entry for each of its items and no other. After the due day (or once the unit is
     * marked overdue) it is still taken until the phase closes, and recorded as late.
     */
    @CommandHandler
    void handle(SubmitSelfAssessment command, @MetaDataValue(MetadataKeys.ACTOR_ROLE) String role,
                @MetaDataValue(MetadataKeys.ACTOR_UNIT) String unit) {
        String unitId = command.unitId();
        requireUnitOrOffice(unitId, role, unit);
        requirePhase(RoundPhase.SELF_ASSESSMENT);
        List<String> own = requireUnitInRound(unitId);
        if (submittedUnits.contains(unitId)) {
            throw new CommandRefused("self-assessment.submitted", unitName(unitId)
                    + " has submitted its self-assessment in evaluation round " + roundId + " already");
        }
        Map<String, SelfAssessmentEntry> entries = new HashMap<>();
        for (SelfAssessmentEntry entry : command.entries()) {
            if (!own.contains(entry.itemId())) {
                throw new CommandRefused("self-assessment.item-not-of-unit", "item " + entry.itemId()
                        + " is not one of the items of " + unitName(unitId) + " in evaluation round " + roundId);
            }
            entries.put(entry.itemId(), entry);
        }
        List<String> missing = own.stream().filter(itemId -> !entries.containsKey(itemId)).toList();
        if (!missing.isEmpty()) {
            throw new CommandRefused("self-assessment.items-missing", "the self-assessment of " + unitName(unitId)
                    + " has no entry for " + named(missing) + "; it assesses each of the unit's items");
        }
        boolean late = overdueUnits.contains(unitId) || today().isAfter(deadlines.selfAssessmentDue());
        apply(new SelfAssessmentSubmitted(roundId, planId, unitId, own.stream().map(entries::get).toList(), late));
    }

    /**
     * Answers whether the phase closed now. The process closes it when every unit has submitted or at the deadline.
     * Once every unit is in, the close is the consequence of the last submission, which the process sends in the
     * submitter's name: anyone's is taken. Closing with units missing is the office's decision, and a person says why.
     * Closing a phase that is over already changes nothing (the process may close it after a supervisor did).
     */
    @CommandHandler
    boolean handle(CloseSelfAssessment command, @MetaDataValue(MetadataKeys.ACTOR_ROLE) String role,
                   @MetaDataValue(MetadataKeys.ACTOR_UNIT) String unit) {
        if (isOver(RoundPhase.SELF_ASSESSMENT, role)) {
            return false;
        }
        List<String> missing = unitItems.keySet().stream().filter(unitId -> !submittedUnits.contains(unitId)).toList();
        if (!missing.isEmpty()) {
            requireOffice(role, unit, "close the self-assessment of");
        }
        requirePhase(RoundPhase.SELF_ASSESSMENT);
        if (!missing.isEmpty() && OfficeAuthority.byPerson(role) && command.reason() == null) {
            throw new CommandRefused("round.reason-required", missing.stream().map(this::unitName)
                    .collect(Collectors.joining("、")) + " have not assessed themselves yet: say why the "
                    + "self-assessment closes without them");
        }
        applyWithReason(new SelfAssessmentClosed(roundId, planId, missing), command.reason());
        return true;
    }

    /** Answers whether the unit was reminded: not once it has submitted, nor after the phase. */
    @CommandHandler
    boolean handle(RemindSelfAssessment command, @MetaDataValue(MetadataKeys.ACTOR_ROLE) String role,
                   @MetaDataValue(MetadataKeys.ACTOR_UNIT) String unit) {
        requireOffice(role, unit, "remind the units of");
        if (endedForTimer(role)) {
            return false;
        }
        requireUnitInRound(command.unitId());
        if (phase != RoundPhase.SELF_ASSESSMENT || submittedUnits.contains(command.unitId())) {
            return false;
        }
        apply(new SelfAssessmentReminderSent(roundId, planId, command.unitId(), deadlines.selfAssessmentDue()));
        return true;
    }

    /** Answers whether the unit was marked overdue now: not if it has submitted or was marked already. */
    @CommandHandler
    boolean handle(MarkSelfAssessmentOverdue command, @MetaDataValue(MetadataKeys.ACTOR_ROLE) String role,
                   @MetaDataValue(MetadataKeys.ACTOR_UNIT) String unit) {
        requireOffice(role, unit, "mark the units overdue in");
        if (endedForTimer(role)) {
            return false;
        }
        requireUnitInRound(command.unitId());
        if (phase != RoundPhase.SELF_ASSESSMENT || submittedUnits.contains(command.unitId())
                || overdueUnits.contains(command.unitId())) {
            return false;
        }
        apply(new SelfAssessmentOverdue(roundId, planId, command.unitId(), deadlines.selfAssessmentDue()));
        return true;
    }

    // --- scoring -----------------------------------------------------------------------------------------------------

    /**
     * Before handing in, an evaluator names the items they have a conflict of interest with; a score they gave such an
     * item no longer counts. Items declared already are not declared again.
     */
    @CommandHandler
    void handle(DeclareConflictOfInterest command, @MetaDataValue(MetadataKeys.ACTOR_USER) String user) {
        String evaluator = command.evaluator();
        requireEvaluatorActing(evaluator, user);
        refuseIfEnded();
        requireScoringOpen();
        refuseIfHandedIn(evaluator);
        Set<String> declared = conflicts.getOrDefault(evaluator, Set.of());
        List<String> fresh = new ArrayList<>();
        for (String itemId : new LinkedHashSet<>(command.itemIds())) {
            requireItem(itemId);
            if (!declared.contains(itemId)) {
                fresh.add(itemId);
            }
        }
        if (!fresh.isEmpty()) {
            apply(new ConflictOfInterestDeclared(roundId, planId, evaluator, fresh, command.reason()));
        }
    }

    /** An evaluator scores an item as the scheme asks; scoring it again before handing in replaces the score. */
    @CommandHandler
    void handle(ScoreRoundItem command, @MetaDataValue(MetadataKeys.ACTOR_USER) String user) {
        String evaluator = command.evaluator();
        ItemScore score = command.score();
        requireEvaluatorActing(evaluator, user);
        requirePhase(RoundPhase.SCORING);
        refuseIfHandedIn(evaluator);
        requireItem(score.itemId());
        if (conflicts.getOrDefault(evaluator, Set.of()).contains(score.itemId())) {
            throw new CommandRefused("evaluator.conflicted", "evaluator " + evaluator
                    + " declared a conflict of interest with item " + score.itemId() + " and does not score it");
        }
        BigDecimal total = totalOf(score);
        Scored previous = scores.getOrDefault(score.itemId(), Map.of()).get(evaluator);
        if (previous != null && previous.score().equals(score)) {
            return;
        }
        apply(new RoundItemScored(roundId, planId, evaluator, score, total));
    }

    /** Handing in takes a score of every item the evaluator has no conflict with; handing in again changes nothing. */
    @CommandHandler
    void handle(CompleteScoring command, @MetaDataValue(MetadataKeys.ACTOR_USER) String user) {
        String evaluator = command.evaluator();
        requireEvaluatorActing(evaluator, user);
        requirePhase(RoundPhase.SCORING);
        if (completedEvaluators.contains(evaluator)) {
            return;
        }
        Set<String> conflicted = conflicts.getOrDefault(evaluator, Set.of());
        List<String> unscored = items.keySet().stream().filter(itemId -> !conflicted.contains(itemId)
                && !scores.getOrDefault(itemId, Map.of()).containsKey(evaluator)).toList();
        if (!unscored.isEmpty()) {
            throw new CommandRefused("scoring.items-unscored", "evaluator " + evaluator + " has not scored "
                    + named(unscored) + " yet; every item without a declared conflict is scored before handing in");
        }
        int scored = (int) scores.values().stream().filter(byEvaluator -> byEvaluator.containsKey(evaluator)).count();
        apply(new EvaluatorScoringCompleted(roundId, planId, evaluator, scored));
    }

    /**
     * Answers whether scoring closed now, naming the items whose evaluators' totals lie further apart than the
     * scheme's threshold. Every score given counts, handed in or not. Once every evaluator has handed in, the close is
     * the consequence of the last hand-in, which the process sends in that evaluator's name: anyone's is taken.
     * Closing while evaluators have not handed in is the office's decision, and a person says why. Closing a phase
     * that is over already changes nothing.
     */
    @CommandHandler
    boolean handle(CloseScoring command, @MetaDataValue(MetadataKeys.ACTOR_ROLE) String role,
                   @MetaDataValue(MetadataKeys.ACTOR_UNIT) String unit) {
        if (isOver(RoundPhase.SCORING, role)) {
            return false;
        }
        List<String> missing = evaluators.keySet().stream()
                .filter(evaluator -> !completedEvaluators.contains(evaluator)).toList();
        if (!missing.isEmpty()) {
            requireOffice(role, unit, "close the scoring of");
        }
        requirePhase(RoundPhase.SCORING);
        if (!missing.isEmpty() && OfficeAuthority.byPerson(role) && command.reason() == null) {
            throw new CommandRefused("round.reason-required", "evaluators " + String.join(", ", missing)
                    + " have not handed in their scores yet: say why scoring closes without them");
        }
        List<String> divergent = items.keySet().stream()
                .filter(itemId -> RoundScoring.diverges(totals(itemId), scheme.reconciliationThreshold())).toList();
        applyWithReason(new ScoringClosed(roundId, planId, divergent), command.reason());
        return true;
    }

    /** Answers whether the evaluator was reminded: not once they have handed in, nor outside scoring. */
    @CommandHandler
    boolean handle(RemindEvaluator command, @MetaDataValue(MetadataKeys.ACTOR_ROLE) String role,
                   @MetaDataValue(MetadataKeys.ACTOR_UNIT) String unit) {
        requireOffice(role, unit, "remind the evaluators of");
        if (endedForTimer(role)) {
            return false;
        }
        requireAppointed(command.evaluator());
        if (phase != RoundPhase.SCORING || completedEvaluators.contains(command.evaluator())) {
            return false;
        }
        apply(new ScoringReminderSent(roundId, planId, command.evaluator(), deadlines.scoringDue()));
        return true;
    }

    /** Answers whether the evaluator was marked overdue now: not if they handed in or were marked already. */
    @CommandHandler
    boolean handle(MarkScoringOverdue command, @MetaDataValue(MetadataKeys.ACTOR_ROLE) String role,
                   @MetaDataValue(MetadataKeys.ACTOR_UNIT) String unit) {
        requireOffice(role, unit, "mark the evaluators overdue in");
        if (endedForTimer(role)) {
            return false;
        }
        requireAppointed(command.evaluator());
        if (phase != RoundPhase.SCORING || completedEvaluators.contains(command.evaluator())
                || overdueEvaluators.contains(command.evaluator())) {
            return false;
        }
        apply(new ScoringOverdue(roundId, planId, command.evaluator(), deadlines.scoringDue()));
        return true;
    }

    // --- reconciliation and calibration ------------------------------------------------------------------------------

    /** Settling a divergent item again replaces its score; the same score for the same reason changes nothing. */
    @CommandHandler
    void handle(ReconcileItemScore command, @MetaDataValue(MetadataKeys.ACTOR_ROLE) String role,
                @MetaDataValue(MetadataKeys.ACTOR_UNIT) String unit) {
        requireOffice(role, unit, "reconcile scores in");
        requirePhase(RoundPhase.RECONCILIATION);
        requireItem(command.itemId());
        if (!divergentItems.contains(command.itemId())) {
            throw new CommandRefused("reconciliation.item-not-divergent", "the evaluators of item " + command.itemId()
                    + " do not differ beyond " + scheme.reconciliationThreshold() + " points: it is not reconciled");
        }
        Reconciled previous = reconciled.get(command.itemId());
        if (previous != null && previous.score().compareTo(command.score()) == 0
                && previous.reason().equals(command.reason())) {
            return;
        }
        apply(new ItemScoreReconciled(roundId, planId, command.itemId(), command.score(), command.reason()));
    }

    @CommandHandler
    void handle(CompleteReconciliation command, @MetaDataValue(MetadataKeys.ACTOR_ROLE) String role,
                @MetaDataValue(MetadataKeys.ACTOR_UNIT) String unit) {
        requireOffice(role, unit, "complete the reconciliation of");
        requirePhase(RoundPhase.RECONCILIATION);
        List<String> open = divergentItems.stream().filter(itemId -> !reconciled.containsKey(itemId)).toList();
        if (!open.isEmpty()) {
            throw new CommandRefused("reconciliation.items-open", named(open)
                    + (open.size() == 1 ? " still waits" : " still wait") + " to be reconciled in evaluation round " + roundId);
        }
        apply(new ReconciliationCompleted(roundId, planId));
    }

    /** Keeps the score before and after, with the reason; a calibration to the score the item has is refused. */
    @CommandHandler
    void handle(CalibrateItemScore command, @MetaDataValue(MetadataKeys.ACTOR_ROLE) String role,
                @MetaDataValue(MetadataKeys.ACTOR_UNIT) String unit) {
        requireOffice(role, unit, "calibrate scores in");
        requirePhase(RoundPhase.CALIBRATION);
        requireItem(command.itemId());
        BigDecimal before = currentScore(command.itemId());
        if (before == null) {
            throw new CommandRefused("calibration.item-unscored", "no evaluator scored item " + command.itemId()
                    + ": there is no score to calibrate");
        }
        if (before.compareTo(command.after()) == 0) {
            throw new CommandRefused("calibration.unchanged", "item " + command.itemId() + " has the score "
                    + before.toPlainString() + " already: a calibration changes it");
        }
        apply(new ItemScoreCalibrated(roundId, planId, command.itemId(), before, command.after(), command.reason()));
    }

    @CommandHandler
    void handle(FinishCalibration command, @MetaDataValue(MetadataKeys.ACTOR_ROLE) String role,
                @MetaDataValue(MetadataKeys.ACTOR_UNIT) String unit) {
        requireOffice(role, unit, "finish the calibration of");
        requirePhase(RoundPhase.CALIBRATION);
        apply(new CalibrationFinished(roundId, planId));
    }

    // --- publication and the end -------------------------------------------------------------------------------------

    /** The round computes the scores, grades and ranks; the facts as of the cut-off come with the command. */
    @CommandHandler
    void handle(PublishRoundResults command, @MetaDataValue(MetadataKeys.ACTOR_ROLE) String role,
                @MetaDataValue(MetadataKeys.ACTOR_UNIT) String unit) {
        requireOffice(role, unit, "publish the results of");
        requirePhase(RoundPhase.PUBLICATION);
        Set<String> seen = new HashSet<>();
        for (ItemFact fact : command.facts()) {
            if (fact == null || !items.containsKey(fact.itemId())) {
                throw new CommandRefused("publication.fact-not-in-round", "the facts name item "
                        + (fact == null ? null : fact.itemId()) + ", which is not in evaluation round " + roundId);
            }
            if (!seen.add(fact.itemId())) {
                throw new CommandRefused("publication.fact-twice", "the facts name item " + fact.itemId() + " twice");
            }
        }
        List<RoundScoring.ItemState> states = items.values().stream().map(item -> new RoundScoring.ItemState(item,
                totals(item.itemId()), selfScores.get(item.itemId()),
                reconciledScore(item.itemId()), calibrated.get(item.itemId()))).toList();
        RoundScoring.Results results = RoundScoring.results(scheme, states);
        apply(new RoundResultsPublished(roundId, planId, results.items(), results.units(), command.facts()));
    }

    @CommandHandler
    void handle(CloseEvaluationRound command, @MetaDataValue(MetadataKeys.ACTOR_ROLE) String role,
                @MetaDataValue(MetadataKeys.ACTOR_UNIT) String unit) {
        requireOffice(role, unit, "close");
        requirePhase(RoundPhase.PUBLISHED);
        apply(new EvaluationRoundClosed(roundId, planId));
    }

    @CommandHandler
    void handle(CancelEvaluationRound command, @MetaDataValue(MetadataKeys.ACTOR_ROLE) String role,
                @MetaDataValue(MetadataKeys.ACTOR_UNIT) String unit) {
        requireOffice(role, unit, "cancel");
        refuseIfEnded();
        if (phase == RoundPhase.PUBLISHED) {
            throw new CommandRefused("round.published", "the results of evaluation round " + roundId
                    + " are published: it is closed, not cancelled");
        }
        apply(new EvaluationRoundCancelled(roundId, planId, phase, command.reason()));
    }

    // --- rules shared by the handlers --------------------------------------------------------------------------------

    private void requireOffice(String role, String unit, String what) {
        OfficeAuthority.require(office, role, unit, what + " evaluation round " + roundId);
    }

    /**
     * A unit user acts for their own unit (the metadata names the unit by its name, or by id); the office's
     * supervisors and administrators act on any unit's behalf.
     */
    private void requireUnitOrOffice(String unitId, String role, String actorUnit) {
        if (Role.UNIT_USER.name().equals(role)) {
            if (actorUnit == null || !(unitId.equals(actorUnit) || unitId.equals(UnitIds.of(actorUnit)))) {
                throw new NotAuthorized("self-assessment.not-the-unit", "only " + unitName(unitId)
                        + " assesses itself in evaluation round " + roundId + "; you act for " + actorUnit);
            }
            return;
        }
        OfficeAuthority.require(office, role, actorUnit, "assess " + unitName(unitId) + " in evaluation round "
                + roundId + " on its behalf");
    }

    /** An evaluator acts only as themself: the signed-in user is the evaluator named. */
    private void requireEvaluatorActing(String evaluator, String user) {
        if (!evaluators.containsKey(evaluator)) {
            throw new NotAuthorized("evaluator.not-appointed", evaluator + " is not an evaluator of evaluation round "
                    + roundId);
        }
        if (!evaluator.equals(user)) {
            throw new NotAuthorized("evaluator.not-self", "only " + evaluator + " scores as evaluator " + evaluator
                    + " in evaluation round " + roundId + "; you are " + user);
        }
    }

    private void requireAppointed(String evaluator) {
        if (!evaluators.containsKey(evaluator)) {
            throw new CommandRefused("round.evaluator-not-in-round", evaluator
                    + " is not an evaluator of evaluation round " + roundId);
        }
    }

    private void refuseIfEnded() {
        if (phase == RoundPhase.CANCELLED) {
            throw new CommandRefused("round.cancelled", "evaluation round " + roundId + " is cancelled");
        }
        if (phase == RoundPhase.CLOSED) {
            throw new CommandRefused("round.closed", "evaluation round " + roundId + " is closed");
        }
    }

    /** A timer on an ended round does nothing; a person is refused. */
    private boolean endedForTimer(String role) {
        if (phase.isOpen()) {
            return false;
        }
        if (!OfficeAuthority.byPerson(role)) {
            return true;
        }
        refuseIfEnded();
        return false;
    }

    /**
     * Whether the phase is over in a round still running, or the round ended and a timer asks; a person asking in
     * an ended round is refused.
     */
    private boolean isOver(RoundPhase closing, String role) {
        if (phase.isOpen()) {
            return phase.compareTo(closing) > 0;
        }
        return endedForTimer(role);
    }

    /** Refused with {@code round.not-<phase>}, such as {@code round.not-scoring}. */
    private void requirePhase(RoundPhase expected) {
        refuseIfEnded();
        if (phase != expected) {
            throw new CommandRefused("round.not-" + expected.name().toLowerCase().replace('_', '-'),
                    "evaluation round " + roundId + " is in phase " + phase + ", not " + expected);
        }
    }

    /** Evaluators are appointed, declare conflicts and score until scoring closes. */
    private void requireScoringOpen() {
        if (phase != RoundPhase.SELF_ASSESSMENT && phase != RoundPhase.SCORING) {
            throw new CommandRefused("round.scoring-closed", "the scoring of evaluation round " + roundId
                    + " is closed; the round is in phase " + phase);
        }
    }

    private void refuseIfHandedIn(String evaluator) {
        if (completedEvaluators.contains(evaluator)) {
            throw new CommandRefused("evaluator.completed", "evaluator " + evaluator
                    + " has handed in their scores of evaluation round " + roundId + " already");
        }
    }

    private List<String> requireUnitInRound(String unitId) {
        List<String> own = unitItems.get(unitId);
        if (own == null) {
            throw new CommandRefused("round.unit-not-in-round", "unit " + unitId + " has no item in evaluation round "
                    + roundId);
        }
        return own;
    }

    private void requireItem(String itemId) {
        if (!items.containsKey(itemId)) {
            throw new CommandRefused("round.item-not-in-round", "item " + itemId + " is not in evaluation round "
                    + roundId);
        }
    }

    /** The scheme's total of a score, refusing one that does not follow the scheme. */
    private BigDecimal totalOf(ItemScore score) {
        if (scheme.kind() == SchemeKind.GRADES) {
            if (!score.criterionScores().isEmpty()) {
                throw new CommandRefused("score.criteria-not-taken", "evaluation round " + roundId
                        + " is scored by grade: give item " + score.itemId() + " a grade, not criterion scores");
            }
            if (score.grade() == null) {
                throw new CommandRefused("score.grade-required", "evaluation round " + roundId
                        + " is scored by grade: item " + score.itemId() + " has no grade");
            }
        } else {
            if (score.grade() != null) {
                throw new CommandRefused("score.grade-not-taken", "evaluation round " + roundId
                        + " is scored by criteria: give item " + score.itemId() + " a score per criterion, not a grade");
            }
            for (String code : score.criterionScores().keySet()) {
                if (scheme.criteria().stream().noneMatch(criterion -> criterion.code().equals(code))) {
                    throw new CommandRefused("score.criterion-unknown", "criterion " + code
                            + " is not in the scheme of evaluation round " + roundId);
                }
            }
            for (Criterion criterion : scheme.criteria()) {
                if (!score.criterionScores().containsKey(criterion.code())) {
                    throw new CommandRefused("score.criterion-missing", "criterion " + criterion.code() + " ("
                            + criterion.name() + ") of item " + score.itemId() + " has no score");
                }
            }
        }
        return scheme.total(score.criterionScores(), score.grade());
    }

    private Collection<BigDecimal> totals(String itemId) {
        return scores.getOrDefault(itemId, Map.of()).values().stream().map(Scored::total).toList();
    }

    private BigDecimal reconciledScore(String itemId) {
        Reconciled settled = reconciled.get(itemId);
        return settled == null ? null : settled.score();
    }

    private BigDecimal currentScore(String itemId) {
        return RoundScoring.current(totals(itemId), reconciledScore(itemId), calibrated.get(itemId));
    }

    private String unitName(String unitId) {
        return unitNames.getOrDefault(unitId, "unit " + unitId);
    }

    /** The first few of a list of ids, and how many there are. */
    private static String named(List<String> ids) {
        String first = String.join(", ", ids.subList(0, Math.min(NAMED, ids.size())));
        return ids.size() == 1 ? "item " + first
                : "items " + first + (ids.size() > NAMED ? ", …" : "") + " (" + ids.size() + ")";
    }

    /** Today in the offices' time zone, by the clock that stamps the events. */
    private static LocalDate today() {
        return LocalDate.ofInstant(GenericEventMessage.clock.instant(), ZONE);
    }

    /** A phase closed early carries its reason in the event's metadata, where the audit trail reads it. */
    private static void applyWithReason(Object event, String reason) {
        apply(event, reason == null ? MetaData.emptyInstance() : MetaData.with(MetadataKeys.REASON, reason));
    }

    // --- state -------------------------------------------------------------------------------------------------------

    @EventSourcingHandler
    void on(EvaluationRoundOpened event) {
        roundId = event.roundId();
        planId = event.planId();
        office = event.office();
        scheme = event.scheme();
        deadlines = event.deadlines();
        phase = RoundPhase.SELF_ASSESSMENT;
        for (RoundItem item : event.items()) {
            items.put(item.itemId(), item);
            UnitRef unit = item.unit();
            unitItems.computeIfAbsent(unit.unitId(), id -> new ArrayList<>()).add(item.itemId());
            unitNames.putIfAbsent(unit.unitId(), unit.name());
        }
        evaluators.putAll(event.evaluators().stream()
                .collect(Collectors.toMap(Evaluator::username, Function.identity(), (a, b) -> a, LinkedHashMap::new)));
    }

    @EventSourcingHandler
    void on(EvaluatorAppointed event) {
        evaluators.put(event.evaluator().username(), event.evaluator());
    }

    @EventSourcingHandler
    void on(SelfAssessmentSubmitted event) {
        submittedUnits.add(event.unitId());
        event.entries().forEach(entry -> selfScores.put(entry.itemId(), entry.score()));
    }

    @EventSourcingHandler
    void on(SelfAssessmentOverdue event) {
        overdueUnits.add(event.unitId());
    }

    @EventSourcingHandler
    void on(SelfAssessmentClosed event) {
        phase = RoundPhase.SCORING;
    }

    @EventSourcingHandler
    void on(ConflictOfInterestDeclared event) {
        conflicts.computeIfAbsent(event.evaluator(), evaluator -> new HashSet<>()).addAll(event.itemIds());
        event.itemIds().forEach(itemId -> scores.getOrDefault(itemId, new HashMap<>()).remove(event.evaluator()));
    }

    @EventSourcingHandler
    void on(RoundItemScored event) {
        scores.computeIfAbsent(event.score().itemId(), itemId -> new LinkedHashMap<>())
                .put(event.evaluator(), new Scored(event.score(), event.total()));
    }

    @EventSourcingHandler
    void on(EvaluatorScoringCompleted event) {
        completedEvaluators.add(event.evaluator());
    }

    @EventSourcingHandler
    void on(ScoringOverdue event) {
        overdueEvaluators.add(event.evaluator());
    }

    @EventSourcingHandler
    void on(ScoringClosed event) {
        divergentItems.addAll(event.divergentItems());
        phase = event.divergentItems().isEmpty() ? RoundPhase.CALIBRATION : RoundPhase.RECONCILIATION;
    }

    @EventSourcingHandler
    void on(ItemScoreReconciled event) {
        reconciled.put(event.itemId(), new Reconciled(event.score(), event.reason()));
    }

    @EventSourcingHandler
    void on(ReconciliationCompleted event) {
        phase = RoundPhase.CALIBRATION;
    }

    @EventSourcingHandler
    void on(ItemScoreCalibrated event) {
        calibrated.put(event.itemId(), event.after());
    }

    @EventSourcingHandler
    void on(CalibrationFinished event) {
        phase = RoundPhase.PUBLICATION;
    }

    @EventSourcingHandler
    void on(RoundResultsPublished event) {
        phase = RoundPhase.PUBLISHED;
    }

    @EventSourcingHandler
    void on(EvaluationRoundClosed event) {
        phase = RoundPhase.CLOSED;
    }

    @EventSourcingHandler
    void on(EvaluationRoundCancelled event) {
        phase = RoundPhase.CANCELLED;
    }
}
