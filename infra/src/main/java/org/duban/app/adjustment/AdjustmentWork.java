package org.duban.app.adjustment;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.duban.api.CommandRefused;
import org.duban.api.Role;
import org.duban.api.adjustment.AdjustmentHistory;
import org.duban.api.adjustment.FindAdjustmentHistory;
import org.duban.api.indicator.IndicatorView;
import org.duban.api.plan.FindPlanTree;
import org.duban.api.plan.PlanTree;
import org.duban.api.task.AdjustmentKind;
import org.duban.api.task.TaskStatus;
import org.duban.api.task.TaskSummary;
import org.duban.api.task.UnitChange;
import org.duban.api.unit.UnitRef;
import org.duban.api.unit.UnitView;
import org.duban.app.security.DubanUser;
import org.duban.app.security.WorkAccess;
import org.duban.app.unit.UnitDirectory;
import org.duban.app.web.NotFound;
import org.duban.app.web.Retries;
import org.duban.process.adjustment.Adjustments;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Dynamic adjustment (动态调整) for the HTTP API and the pages: who may ask and decide is checked here first
 * ({@link WorkAccess}, and the plan's office for an indicator), then one order goes to the {@code adjustment} process,
 * whose steps send the commands the task or the indicator decides on. Each runs in a transaction of its own that
 * holds the task or the indicator (its first event row, as the task's steps do), retried when it loses a race.
 *
 * <p>A task's lead unit asks in its own name; a supervisor of the plan's office may ask on the lead unit's behalf
 * (the request then names the lead unit and records the supervisor as who asked). An indicator's responsible unit asks
 * in its own name, a supervisor in the office's.
 */
@Component
public class AdjustmentWork {
    private final WorkAccess access;
    private final Adjustments adjustments;
    private final QueryGateway queries;
    private final Retries retries;
    private final JdbcTemplate jdbc;

    AdjustmentWork(WorkAccess access, Adjustments adjustments, QueryGateway queries, Retries retries,
                   JdbcTemplate jdbc) {
        this.access = access;
        this.adjustments = adjustments;
        this.queries = queries;
        this.retries = retries;
        this.jdbc = jdbc;
    }

    /**
     * What the task page's adjustment card shows and offers.
     *
     * @param mayAsk    the task is in execution, nothing waits, and the user leads it or supervises it
     * @param mayDecide an adjustment waits and the user supervises the task
     */
    public record Card(AdjustmentHistory.Subject history, boolean mayAsk, boolean mayDecide) {

        /** The due date in force: the last approved change's, else the original (the task page shows no other). */
        public String dueDateInForce() {
            if (history == null) {
                return null;
            }
            String inForce = history.originalDueDate() == null ? null : history.originalDueDate().toString();
            for (AdjustmentHistory.Entry entry : history.entries()) {
                if (entry.isApproved() && entry.kind() == AdjustmentKind.DUE_DATE && entry.adjustedValue() != null) {
                    inForce = entry.adjustedValue();
                }
            }
            return inForce;
        }
    }

    /** An indicator with its target history, as the plan page shows it. */
    public record IndicatorCard(IndicatorView indicator, AdjustmentHistory.Subject history, boolean mayAsk,
                                boolean mayDecide) {
    }

    // --- tasks -------------------------------------------------------------------------------------------------

    public AdjustmentHistory.Subject taskHistory(String taskId, DubanUser user) {
        access.requireReader(access.task(taskId), user);
        return historyOf(FindAdjustmentHistory.ofTask(taskId), taskId);
    }

    public Card taskCard(TaskSummary task, DubanUser user) {
        AdjustmentHistory.Subject history = historyOf(FindAdjustmentHistory.ofTask(task.taskId()), task.taskId());
        boolean waiting = history != null && history.pending() != null;
        boolean supervisor = access.supervises(task, user);
        boolean inExecution = task.status() == TaskStatus.ACKNOWLEDGED;
        return new Card(history, inExecution && !waiting && (access.isLead(task, user) || supervisor),
                waiting && inExecution && supervisor);
    }

    /** Asks to change a task in execution; answers the adjustment id. Before acknowledging, the assignment's step asks. */
    public String askForTask(String taskId, AdjustmentKind kind, String proposal, String reason, DubanUser user) {
        return held(taskId, "an adjustment of task " + taskId, () -> {
            TaskSummary task = access.task(taskId);
            if (!access.isLead(task, user)) {
                access.requireSupervisor(task, user);
            }
            if (task.status() != TaskStatus.ACKNOWLEDGED) {
                throw new CommandRefused("adjustment.not-in-execution", "task " + taskId + " is " + task.status()
                        + "; a task is adjusted during execution once acknowledged, and before that with the "
                        + "acknowledgement step");
            }
            if (kind == null) {
                throw new IllegalArgumentException("field kind is required: TEXT, DUE_DATE or UNITS");
            }
            return adjustments.askForTaskAdjustment(taskId, task.planId(), task.leadUnit().unitId(), kind,
                    kind == AdjustmentKind.UNITS ? registered(proposal) : proposal, reason);
        });
    }

    public void decideForTask(String taskId, String adjustmentId, Boolean approved, String reason, DubanUser user) {
        held(taskId, "adjustment " + adjustmentId + " of task " + taskId, () -> {
            access.requireSupervisor(access.task(taskId), user);
            Adjustments.Waiting waiting = adjustments.waiting(adjustmentId)
                    .filter(found -> taskId.equals(found.taskId()))
                    .orElseThrow(() -> new NotFound("adjustment " + adjustmentId + " of task " + taskId
                            + " is not waiting for a decision"));
            adjustments.decide(waiting.adjustmentId(), required(approved), reason, null);
            return null;
        });
    }

    // --- indicators --------------------------------------------------------------------------------------------

    public AdjustmentHistory.Subject indicatorHistory(String indicatorId, DubanUser user) {
        Located located = locate(indicatorId);
        requireIndicatorReader(located, user);
        return located.history();
    }

    /** Every indicator of a plan with its target history, for the plan page. */
    public java.util.List<IndicatorCard> indicatorCards(PlanTree tree, DubanUser user) {
        AdjustmentHistory history = queries.query(FindAdjustmentHistory.ofPlan(tree.plan().planId()),
                ResponseTypes.instanceOf(AdjustmentHistory.class)).join();
        boolean supervisor = WorkAccess.supervises(tree.plan().supervisingUnit(), user);
        return tree.indicators().stream().map(indicator -> {
            AdjustmentHistory.Subject subject = history.subject(indicator.indicatorId());
            boolean waiting = subject != null && subject.pending() != null;
            return new IndicatorCard(indicator, subject,
                    !waiting && (supervisor || responsible(indicator, user)), waiting && supervisor);
        }).toList();
    }

    public String askForIndicator(String indicatorId, String proposedTarget, String reason, DubanUser user) {
        return held(indicatorId, "an adjustment of indicator " + indicatorId, () -> {
            Located located = locate(indicatorId);
            String unitId;
            if (responsible(located.indicator(), user)) {
                unitId = WorkAccess.unitIdOf(user);
            } else {
                requireIndicatorSupervisor(located, user);
                unitId = user.unit() == null ? user.getUsername() : user.unit();
            }
            return adjustments.askForTargetAdjustment(indicatorId, located.tree().plan().planId(), unitId,
                    proposedTarget, reason);
        });
    }

    public void decideForIndicator(String indicatorId, String adjustmentId, Boolean approved, String reason,
                                   String approvalDocument, DubanUser user) {
        held(indicatorId, "adjustment " + adjustmentId + " of indicator " + indicatorId, () -> {
            requireIndicatorSupervisor(locate(indicatorId), user);
            Adjustments.Waiting waiting = adjustments.waiting(adjustmentId)
                    .filter(found -> indicatorId.equals(found.indicatorId()))
                    .orElseThrow(() -> new NotFound("adjustment " + adjustmentId + " of indicator " + indicatorId
                            + " is not waiting for a decision"));
            adjustments.decide(waiting.adjustmentId(), required(approved), reason, approvalDocument);
            return null;
        });
    }

    public AdjustmentHistory planHistory(String planId, DubanUser user) {
        PlanTree tree = tree(planId);
        if (user.role() == Role.UNIT_USER) {
            throw new AccessDeniedException("the adjustments of a whole plan are for its supervisors");
        }
        if (user.role() == Role.SUPERVISOR && !WorkAccess.supervises(tree.plan().supervisingUnit(), user)) {
            throw new AccessDeniedException("only a supervisor of " + tree.plan().supervisingUnit() + " may read this");
        }
        return queries.query(FindAdjustmentHistory.ofPlan(planId), ResponseTypes.instanceOf(AdjustmentHistory.class))
                .join();
    }

    /** An indicator, its plan and its history. */
    private record Located(IndicatorView indicator, PlanTree tree, AdjustmentHistory.Subject history) {
    }

    private Located locate(String indicatorId) {
        AdjustmentHistory.Subject history = historyOf(FindAdjustmentHistory.ofIndicator(indicatorId), indicatorId);
        if (history == null) {
            throw new NotFound("indicator " + indicatorId + " does not exist");
        }
        PlanTree tree = tree(history.planId());
        IndicatorView indicator = tree.indicators().stream()
                .filter(view -> view.indicatorId().equals(indicatorId)).findFirst()
                .orElseThrow(() -> new NotFound("indicator " + indicatorId + " does not exist"));
        return new Located(indicator, tree, history);
    }

    /**
     * The first gate: the indicator names its office only since indicators did (the aggregate then checks it too);
     * for one defined before, the plan's office decided here is the only check.
     */
    private static void requireIndicatorSupervisor(Located located, DubanUser user) {
        String office = located.tree().plan().supervisingUnit();
        if (!WorkAccess.supervises(office, user)) {
            throw new AccessDeniedException("only a supervisor of " + (office == null ? "the plan" : office)
                    + " may do this");
        }
    }

    private static void requireIndicatorReader(Located located, DubanUser user) {
        boolean reader = user.role() == Role.AUDITOR || user.role() == Role.EVALUATOR
                || responsible(located.indicator(), user)
                || WorkAccess.supervises(located.tree().plan().supervisingUnit(), user);
        if (!reader) {
            throw new AccessDeniedException("indicator " + located.indicator().indicatorId()
                    + " is not work of your unit");
        }
    }

    private static boolean responsible(IndicatorView indicator, DubanUser user) {
        String unitId = WorkAccess.unitIdOf(user);
        return user.role() == Role.UNIT_USER && unitId != null
                && indicator.responsibleUnits().stream().anyMatch(unit -> unit.unitId().equals(unitId));
    }

    private PlanTree tree(String planId) {
        return queries.query(new FindPlanTree(planId), ResponseTypes.optionalInstanceOf(PlanTree.class)).join()
                .orElseThrow(() -> new NotFound("plan " + planId + " does not exist"));
    }

    private AdjustmentHistory.Subject historyOf(FindAdjustmentHistory query, String subjectId) {
        return queries.query(query, ResponseTypes.instanceOf(AdjustmentHistory.class)).join().subject(subjectId);
    }

    private static boolean required(Boolean approved) {
        if (approved == null) {
            throw new IllegalArgumentException("field approved is required (true or false)");
        }
        return approved;
    }

    /** A units proposal with every unit found in the registry (by name or alias), written with registered names. */
    private String registered(String proposal) {
        if (proposal == null || proposal.isBlank()) {
            throw new IllegalArgumentException("proposal is required: the new lead unit and co-units");
        }
        UnitChange change = UnitChange.parse(proposal);
        Map<String, UnitView> registry = UnitDirectory.byNameOrAlias(queries);
        Function<UnitRef, UnitRef> known = unit -> {
            UnitView found = registry.get(unit.name());
            if (found == null) {
                throw new IllegalArgumentException("proposal: unit \"" + unit.name() + "\" is not registered");
            }
            return UnitChange.ref(found.name());
        };
        return new UnitChange(known.apply(change.leadUnit()), change.coUnits().stream().map(known).toList()).text();
    }

    /**
     * Runs in a transaction of its own holding the task's or indicator's first event row until it ends, as the
     * task's steps do (TaskLock): the aggregate's own lock is let go before the engine's transaction commits.
     */
    private <T> T held(String aggregateId, String what, Supplier<T> step) {
        return retries.attempt(what, () -> {
            if (!TransactionSynchronizationManager.isActualTransactionActive()) {
                throw new IllegalStateException("the lock of " + aggregateId + " is held by a transaction");
            }
            jdbc.query("select global_index from domain_event_entry where aggregate_identifier = ? "
                    + "and sequence_number = 0 for update", row -> {
            }, aggregateId);
            return step.get();
        });
    }
}
