package org.duban.app.supervision;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.duban.api.Role;
import org.duban.api.indicator.IndicatorView;
import org.duban.api.plan.FindPlanTree;
import org.duban.api.plan.PlanTree;
import org.duban.api.reporting.EvidenceRef;
import org.duban.api.supervision.CaseTrigger;
import org.duban.api.supervision.FindSupervisionCase;
import org.duban.api.supervision.FindSupervisionCases;
import org.duban.api.supervision.IssueSupervisionNotice;
import org.duban.api.supervision.NoticeGrade;
import org.duban.api.supervision.SupervisedItem;
import org.duban.api.supervision.SupervisionCaseDetail;
import org.duban.api.supervision.SupervisionCaseView;
import org.duban.api.task.TaskSummary;
import org.duban.api.unit.UnitRef;
import org.duban.app.reporting.evidence.EvidenceStore;
import org.duban.app.security.DubanUser;
import org.duban.app.security.WorkAccess;
import org.duban.app.web.NotFound;
import org.duban.app.web.Retries;
import org.duban.process.supervision.SupervisionCases;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Every step on a supervision case, for the pages and the API: who may take it is checked here first (the unit the
 * case names, the supervisors of the plan's office), then the workflow takes it in one transaction and the case
 * decides by its own rules. A race lost is tried again ({@link Retries}).
 */
@Component
public class SupervisionWork {
    private final SupervisionCases cases;
    private final CommandGateway commands;
    private final QueryGateway queries;
    private final WorkAccess access;
    private final EvidenceStore evidence;
    private final Retries retries;

    SupervisionWork(SupervisionCases cases, CommandGateway commands, QueryGateway queries, WorkAccess access,
                    EvidenceStore evidence, Retries retries) {
        this.cases = cases;
        this.commands = commands;
        this.queries = queries;
        this.access = access;
        this.evidence = evidence;
        this.retries = retries;
    }

    /** What the reader of a case may do on it now. */
    public record Actions(boolean answer, boolean submitResult, boolean requestExtension, boolean decideExtension,
                          boolean verify, boolean escalate) {
        public boolean any() {
            return answer || submitResult || requestExtension || decideExtension || verify || escalate;
        }
    }

    /** A supervisor issues a notice on a task (or one of its reports); answers the new case's id. */
    public String issueOnTask(String taskId, String periodKey, NoticeGrade grade, String reason, LocalDate answerBy,
                              DubanUser user) {
        return retries.attempt("a supervision notice on task " + taskId, () -> {
            TaskSummary task = access.task(taskId);
            access.requireSupervisor(task, user);
            SupervisedItem item = periodKey == null || periodKey.isBlank() ? SupervisedItem.task(taskId)
                    : SupervisedItem.report(taskId, periodKey);
            return issue(task.planId(), task.supervisingUnit(), item, task.leadUnit(), grade, reason, answerBy);
        });
    }

    /** A supervisor issues a notice on an indicator, to its first responsible unit; answers the new case's id. */
    public String issueOnIndicator(String planId, String indicatorId, NoticeGrade grade, String reason,
                                   LocalDate answerBy, DubanUser user) {
        return retries.attempt("a supervision notice on indicator " + indicatorId, () -> {
            PlanTree tree = queries.query(new FindPlanTree(planId), ResponseTypes.optionalInstanceOf(PlanTree.class))
                    .join().orElseThrow(() -> new NotFound("plan " + planId + " does not exist"));
            IndicatorView indicator = tree.indicators().stream().filter(i -> i.indicatorId().equals(indicatorId))
                    .findFirst().orElseThrow(() -> new NotFound("indicator " + indicatorId + " is not in plan " + planId));
            String office = tree.plan().supervisingUnit();
            if (!WorkAccess.supervises(office, user)) {
                throw new AccessDeniedException("only a supervisor of " + (office == null ? "the plan" : office)
                        + " may issue supervision notices on it");
            }
            if (indicator.responsibleUnits().isEmpty()) {
                throw new IllegalArgumentException("indicator " + indicatorId + " names no responsible unit to notify");
            }
            return issue(planId, office, SupervisedItem.indicator(indicatorId), indicator.responsibleUnits().get(0),
                    grade, reason, answerBy);
        });
    }

    private String issue(String planId, String office, SupervisedItem item, UnitRef unit, NoticeGrade grade,
                         String reason, LocalDate answerBy) {
        String caseId = UUID.randomUUID().toString();
        commands.sendAndWait(new IssueSupervisionNotice(caseId, planId, office, item, unit,
                grade == null ? NoticeGrade.NOTICE : grade, CaseTrigger.MANUAL, reason,
                answerBy == null ? cases.answerDay() : answerBy));
        return caseId;
    }

    public void submitPlan(String caseId, String plan, LocalDate deadline, DubanUser user) {
        onCase(caseId, "the rectification plan", view -> {
            requireUnit(view, user);
            cases.submitPlan(caseId, view.unitId(), plan, required(deadline, "deadline"));
        });
    }

    /**
     * The unit's result: files it uploads with it are stored in the same transaction; files cited by reference must be
     * its own (checked as a report's are).
     */
    public void submitResult(String caseId, String result, List<EvidenceRef> cited, Supplier<List<EvidenceRef>> uploads,
                             DubanUser user) {
        onCase(caseId, "the rectification result", view -> {
            requireUnit(view, user);
            List<EvidenceRef> refs = new ArrayList<>(evidence.verify(cited == null ? List.of() : cited,
                    view.item().taskId() == null ? caseId : view.item().taskId(), user));
            refs.addAll(uploads.get());
            cases.submitResult(caseId, view.unitId(), result, refs);
        });
    }

    public String requestExtension(String caseId, LocalDate until, String reason, DubanUser user) {
        return onCase(caseId, "an extension", view -> {
            requireUnit(view, user);
            return cases.requestExtension(caseId, view.unitId(), required(until, "until"), reason);
        });
    }

    public void decideExtension(String caseId, String extensionId, Boolean approved, String reason, DubanUser user) {
        onCase(caseId, "the extension decision", view -> {
            requireSupervisor(view, user);
            cases.decideExtension(caseId, extensionId, required(approved, "approved"), reason);
        });
    }

    public void verify(String caseId, Boolean closedOut, String reason, DubanUser user) {
        onCase(caseId, "the verification", view -> {
            requireSupervisor(view, user);
            cases.verify(caseId, required(closedOut, "closedOut"), reason);
        });
    }

    public boolean escalate(String caseId, String reason, DubanUser user) {
        return onCase(caseId, "the escalation", view -> {
            requireSupervisor(view, user);
            return cases.escalate(caseId, reason);
        });
    }

    /** The case and its timeline, for its unit, the supervisors of its office, administrators, auditors and evaluators. */
    public SupervisionCaseDetail read(String caseId, DubanUser user) {
        SupervisionCaseDetail detail = detail(caseId);
        if (!mayRead(detail.view(), user)) {
            throw new AccessDeniedException("supervision case " + caseId + " is not your unit's or your office's");
        }
        return detail;
    }

    /** The cases a user may read, narrowed by the filter's plan, stage, grade and item. */
    public List<SupervisionCaseView> list(DubanUser user, FindSupervisionCases filter) {
        String unitId = WorkAccess.unitIdOf(user);
        FindSupervisionCases query = switch (user.role()) {
            case UNIT_USER -> new FindSupervisionCases(filter.planId(), unitId == null ? "-" : unitId, null,
                    filter.stages(), filter.grade(), filter.taskId(), filter.indicatorId(), filter.trigger(), filter.open());
            case SUPERVISOR -> new FindSupervisionCases(filter.planId(), filter.unitId(),
                    user.unit() == null ? List.of() : List.of(user.unit()), filter.stages(), filter.grade(),
                    filter.taskId(), filter.indicatorId(), filter.trigger(), filter.open());
            case ADMIN, AUDITOR, EVALUATOR -> filter;
            default -> null;
        };
        return query == null ? List.of() : queries.query(query,
                ResponseTypes.multipleInstancesOf(SupervisionCaseView.class)).join();
    }

    public Actions actions(SupervisionCaseView view, DubanUser user) {
        boolean unit = isUnit(view, user);
        boolean supervisor = WorkAccess.supervises(view.office(), user);
        String stage = view.stage();
        boolean pending = view.extensionId() != null;
        return new Actions(unit && "AWAITING_PLAN".equals(stage), unit && "RECTIFYING".equals(stage) && !pending,
                unit && "RECTIFYING".equals(stage) && !pending, supervisor && pending,
                supervisor && "RESULT_SUBMITTED".equals(stage),
                supervisor && !view.closedOut() && view.grade() != NoticeGrade.LISTED);
    }

    private boolean mayRead(SupervisionCaseView view, DubanUser user) {
        return isUnit(view, user) || WorkAccess.supervises(view.office(), user) || user.role() == Role.AUDITOR
                || user.role() == Role.EVALUATOR;
    }

    private static boolean isUnit(SupervisionCaseView view, DubanUser user) {
        return user.role() == Role.UNIT_USER && view.unitId().equals(WorkAccess.unitIdOf(user));
    }

    private static void requireUnit(SupervisionCaseView view, DubanUser user) {
        if (!isUnit(view, user)) {
            throw new AccessDeniedException("only a user of " + view.unitName() + " answers supervision case " + view.caseId());
        }
    }

    private static void requireSupervisor(SupervisionCaseView view, DubanUser user) {
        if (!WorkAccess.supervises(view.office(), user)) {
            throw new AccessDeniedException("only a supervisor of " + (view.office() == null ? "the plan" : view.office())
                    + " decides on supervision case " + view.caseId());
        }
    }

    private SupervisionCaseDetail detail(String caseId) {
        return queries.query(new FindSupervisionCase(caseId), ResponseTypes.optionalInstanceOf(SupervisionCaseDetail.class))
                .join().orElseThrow(() -> new NotFound("supervision case " + caseId + " does not exist"));
    }

    private <T> T onCase(String caseId, String what, Function<SupervisionCaseView, T> step) {
        return retries.attempt(what + " of supervision case " + caseId, () -> step.apply(detail(caseId).view()));
    }

    private void onCase(String caseId, String what, Consumer<SupervisionCaseView> step) {
        onCase(caseId, what, view -> {
            step.accept(view);
            return null;
        });
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value;
    }
}
