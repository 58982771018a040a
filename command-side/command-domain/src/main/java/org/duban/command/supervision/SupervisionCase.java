package org.duban.command.supervision;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.duban.api.CommandRefused;
import org.duban.api.MetadataKeys;
import org.duban.api.NotAuthorized;
import org.duban.api.supervision.ApproveCaseExtension;
import org.duban.api.supervision.CaseExtensionApproved;
import org.duban.api.supervision.CaseExtensionRefused;
import org.duban.api.supervision.CaseExtensionRequested;
import org.duban.api.supervision.CloseOutSupervisionCase;
import org.duban.api.supervision.EscalateSupervisionCase;
import org.duban.api.supervision.IssueSupervisionNotice;
import org.duban.api.supervision.NoticeGrade;
import org.duban.api.supervision.RectificationPlanSubmitted;
import org.duban.api.supervision.RectificationRejected;
import org.duban.api.supervision.RectificationResultSubmitted;
import org.duban.api.supervision.RefuseCaseExtension;
import org.duban.api.supervision.RejectRectification;
import org.duban.api.supervision.RequestCaseExtension;
import org.duban.api.supervision.SubmitRectificationPlan;
import org.duban.api.supervision.SubmitRectificationResult;
import org.duban.api.supervision.SupervisionCaseClosedOut;
import org.duban.api.supervision.SupervisionCaseEscalated;
import org.duban.api.supervision.SupervisionNoticeIssued;
import org.duban.command.OfficeAuthority;

import java.time.LocalDate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One supervised matter (督办事项) from its notice to its close-out: the named unit answers with a plan, carries it
 * out and submits the result; the supervisors of the plan's office verify it, close it out or send it back, and
 * decide on extensions. Nothing happens to a case after its close-out.
 */
@Aggregate
class SupervisionCase {

    @AggregateIdentifier
    private String caseId;
    private String planId;
    private String office;
    private String unitId;
    private NoticeGrade grade;
    private CaseStage stage;
    /** the rectification deadline in force: the plan's, until an extension moves it */
    private LocalDate deadline;
    private String pendingExtensionId;
    private LocalDate pendingUntil;

    protected SupervisionCase() {
        // for Axon
    }

    /**
     * Answers whether the notice was issued now. The rules issue under a case id made of the trigger and the item,
     * so a second issue of the same occurrence finds the case and changes nothing.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    boolean handle(IssueSupervisionNotice command, @MetaDataValue(MetadataKeys.ACTOR_ROLE) String role,
                   @MetaDataValue(MetadataKeys.ACTOR_UNIT) String unit) {
        OfficeAuthority.require(command.office(), role, unit, "issue supervision notices on plan " + command.planId());
        if (stage != null) {
            return false;
        }
        apply(new SupervisionNoticeIssued(command.caseId(), command.planId(), command.office(), command.item(),
                command.unit(), command.grade(), command.trigger(), command.reason(), command.answerBy()));
        return true;
    }

    /** Answers whether the grade rose; listed supervision stays listed. */
    @CommandHandler
    boolean handle(EscalateSupervisionCase command, @MetaDataValue(MetadataKeys.ACTOR_ROLE) String role,
                   @MetaDataValue(MetadataKeys.ACTOR_UNIT) String unit) {
        requireSupervisor(role, unit, "escalate");
        refuseIfClosedOut();
        if (grade == NoticeGrade.LISTED) {
            return false;
        }
        apply(new SupervisionCaseEscalated(caseId, planId, unitId, grade, grade.next(), command.answerBy(),
                command.reason()));
        return true;
    }

    @CommandHandler
    void handle(SubmitRectificationPlan command) {
        requireUnit(command.unitId());
        refuseIfClosedOut();
        if (stage != CaseStage.AWAITING_PLAN) {
            throw new CommandRefused("case.plan-submitted", "the rectification plan of case " + caseId
                    + " is submitted already");
        }
        apply(new RectificationPlanSubmitted(caseId, planId, unitId, command.plan(), command.deadline()));
    }

    @CommandHandler
    void handle(SubmitRectificationResult command) {
        requireUnit(command.unitId());
        refuseIfClosedOut();
        requireStage(CaseStage.RECTIFYING, "case.not-rectifying", "a result is submitted only while rectifying");
        if (pendingExtensionId != null) {
            throw new CommandRefused("case.extension-pending", "case " + caseId
                    + " waits for the decision on the extension its unit asked for");
        }
        apply(new RectificationResultSubmitted(caseId, planId, unitId, command.result(), command.evidence()));
    }

    @CommandHandler
    void handle(RejectRectification command, @MetaDataValue(MetadataKeys.ACTOR_ROLE) String role,
                @MetaDataValue(MetadataKeys.ACTOR_UNIT) String unit) {
        requireSupervisor(role, unit, "send back the rectification");
        refuseIfClosedOut();
        requireStage(CaseStage.RESULT_SUBMITTED, "case.no-result", "there is no result to send back");
        apply(new RectificationRejected(caseId, planId, unitId, command.reason()));
    }

    /** A second close-out of a closed case changes nothing. */
    @CommandHandler
    void handle(CloseOutSupervisionCase command, @MetaDataValue(MetadataKeys.ACTOR_ROLE) String role,
                @MetaDataValue(MetadataKeys.ACTOR_UNIT) String unit) {
        requireSupervisor(role, unit, "close out");
        if (stage == CaseStage.CLOSED_OUT) {
            return;
        }
        requireStage(CaseStage.RESULT_SUBMITTED, "case.no-result", "there is no result to verify");
        apply(new SupervisionCaseClosedOut(caseId, planId, unitId, command.comment()));
    }

    /** Asking again for the extension pending changes nothing. */
    @CommandHandler
    void handle(RequestCaseExtension command) {
        requireUnit(command.unitId());
        refuseIfClosedOut();
        if (command.extensionId().equals(pendingExtensionId)) {
            return;
        }
        requireStage(CaseStage.RECTIFYING, "case.not-rectifying", "an extension is asked for only while rectifying");
        if (pendingExtensionId != null) {
            throw new CommandRefused("case.extension-pending", "case " + caseId
                    + " already waits for a decision on an extension");
        }
        if (command.today().isAfter(deadline)) {
            throw new CommandRefused("case.deadline-passed", "the deadline " + deadline + " of case " + caseId
                    + " has passed: an extension is asked for before it");
        }
        if (!command.until().isAfter(deadline)) {
            throw new CommandRefused("case.extension-not-later", "an extension must end after the deadline "
                    + deadline + "; " + command.until() + " does not");
        }
        apply(new CaseExtensionRequested(caseId, planId, unitId, command.extensionId(), command.until(),
                command.reason()));
    }

    @CommandHandler
    void handle(ApproveCaseExtension command, @MetaDataValue(MetadataKeys.ACTOR_ROLE) String role,
                @MetaDataValue(MetadataKeys.ACTOR_UNIT) String unit) {
        requireSupervisor(role, unit, "decide on extensions");
        refuseIfClosedOut();
        requirePendingExtension(command.extensionId());
        apply(new CaseExtensionApproved(caseId, planId, command.extensionId(), pendingUntil, command.reason()));
    }

    @CommandHandler
    void handle(RefuseCaseExtension command, @MetaDataValue(MetadataKeys.ACTOR_ROLE) String role,
                @MetaDataValue(MetadataKeys.ACTOR_UNIT) String unit) {
        requireSupervisor(role, unit, "decide on extensions");
        refuseIfClosedOut();
        requirePendingExtension(command.extensionId());
        apply(new CaseExtensionRefused(caseId, planId, command.extensionId(), command.reason()));
    }

    private void requireSupervisor(String role, String unit, String what) {
        OfficeAuthority.require(office, role, unit, what + " supervision case " + caseId);
    }

    private void requireUnit(String actingUnitId) {
        if (!unitId.equals(actingUnitId)) {
            throw new NotAuthorized("case.not-the-unit", "only unit " + unitId + " answers supervision case " + caseId
                    + "; not " + actingUnitId);
        }
    }

    private void refuseIfClosedOut() {
        if (stage == CaseStage.CLOSED_OUT) {
            throw new CommandRefused("case.closed-out", "supervision case " + caseId + " is closed out");
        }
    }

    private void requireStage(CaseStage expected, String code, String why) {
        if (stage != expected) {
            throw new CommandRefused(code, why + "; case " + caseId + " is " + stage);
        }
    }

    private void requirePendingExtension(String extensionId) {
        if (!extensionId.equals(pendingExtensionId)) {
            throw new CommandRefused("case.no-extension", "case " + caseId + " has no pending extension " + extensionId);
        }
    }

    @EventSourcingHandler
    void on(SupervisionNoticeIssued event) {
        caseId = event.caseId();
        planId = event.planId();
        office = event.office();
        unitId = event.unit().unitId();
        grade = event.grade();
        stage = CaseStage.AWAITING_PLAN;
    }

    @EventSourcingHandler
    void on(SupervisionCaseEscalated event) {
        grade = event.toGrade();
    }

    @EventSourcingHandler
    void on(RectificationPlanSubmitted event) {
        stage = CaseStage.RECTIFYING;
        deadline = event.deadline();
    }

    @EventSourcingHandler
    void on(RectificationResultSubmitted event) {
        stage = CaseStage.RESULT_SUBMITTED;
    }

    @EventSourcingHandler
    void on(RectificationRejected event) {
        stage = CaseStage.RECTIFYING;
    }

    @EventSourcingHandler
    void on(SupervisionCaseClosedOut event) {
        stage = CaseStage.CLOSED_OUT;
    }

    @EventSourcingHandler
    void on(CaseExtensionRequested event) {
        pendingExtensionId = event.extensionId();
        pendingUntil = event.until();
    }

    @EventSourcingHandler
    void on(CaseExtensionApproved event) {
        deadline = event.deadline();
        pendingExtensionId = null;
        pendingUntil = null;
    }

    @EventSourcingHandler
    void on(CaseExtensionRefused event) {
        pendingExtensionId = null;
        pendingUntil = null;
    }
}
