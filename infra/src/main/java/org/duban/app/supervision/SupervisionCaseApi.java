package org.duban.app.supervision;

import org.duban.api.reporting.EvidenceRef;
import org.duban.api.supervision.FindSupervisionCases;
import org.duban.api.supervision.NoticeGrade;
import org.duban.api.supervision.SupervisionCaseDetail;
import org.duban.api.supervision.SupervisionCaseView;
import org.duban.app.security.DubanUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;

/**
 * Supervision cases over HTTP: a supervisor issues a notice on a task or an indicator; the unit answers with a plan,
 * submits its result and may ask for an extension; the supervisors decide on it, verify the result (close out or send
 * back) and may escalate. A refusal answers 409, a user who may not act 403, bad input 400 naming the field.
 */
@RestController
@RequestMapping("/api/supervision/cases")
class SupervisionCaseApi {
    private final SupervisionWork work;

    SupervisionCaseApi(SupervisionWork work) {
        this.work = work;
    }

    /** Exactly one of {@code taskId} and {@code indicatorId}; {@code periodKey} names a report of the task. */
    record Notice(String planId, String taskId, String periodKey, String indicatorId, NoticeGrade grade, String reason,
                  LocalDate answerBy) {
    }

    record Issued(String caseId) {
    }

    record Plan(String plan, LocalDate deadline) {
    }

    record Result(String result, List<EvidenceRef> evidence) {
    }

    record Extension(LocalDate until, String reason) {
    }

    record ExtensionRequested(String extensionId) {
    }

    record Decision(Boolean approved, String reason) {
    }

    record Verification(Boolean closedOut, String reason) {
    }

    record Escalation(String reason) {
    }

    @GetMapping
    List<SupervisionCaseView> list(@RequestParam(required = false) String planId,
                                   @RequestParam(required = false) List<String> stage,
                                   @RequestParam(required = false) NoticeGrade grade,
                                   @RequestParam(required = false) String taskId,
                                   @RequestParam(required = false) String indicatorId,
                                   @AuthenticationPrincipal DubanUser user) {
        return work.list(user, new FindSupervisionCases(planId, null, null, stage, grade, taskId, indicatorId, null, null));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Issued issue(@RequestBody Notice notice, @AuthenticationPrincipal DubanUser user) {
        if (notice == null) {
            throw new IllegalArgumentException("the notice is required");
        }
        boolean onTask = notice.taskId() != null && !notice.taskId().isBlank();
        boolean onIndicator = notice.indicatorId() != null && !notice.indicatorId().isBlank();
        if (onTask == onIndicator) {
            throw new IllegalArgumentException("taskId or indicatorId: a notice concerns exactly one task or indicator");
        }
        if (onTask) {
            return new Issued(work.issueOnTask(notice.taskId(), notice.periodKey(), notice.grade(), notice.reason(),
                    notice.answerBy(), user));
        }
        if (notice.planId() == null || notice.planId().isBlank()) {
            throw new IllegalArgumentException("planId is required with an indicatorId");
        }
        return new Issued(work.issueOnIndicator(notice.planId(), notice.indicatorId(), notice.grade(), notice.reason(),
                notice.answerBy(), user));
    }

    @GetMapping("/{caseId}")
    SupervisionCaseDetail read(@PathVariable String caseId, @AuthenticationPrincipal DubanUser user) {
        return work.read(caseId, user);
    }

    @PostMapping("/{caseId}/plan")
    SupervisionCaseView plan(@PathVariable String caseId, @RequestBody Plan plan, @AuthenticationPrincipal DubanUser user) {
        work.submitPlan(caseId, plan.plan(), plan.deadline(), user);
        return work.read(caseId, user).view();
    }

    @PostMapping("/{caseId}/result")
    SupervisionCaseView result(@PathVariable String caseId, @RequestBody Result result,
                               @AuthenticationPrincipal DubanUser user) {
        work.submitResult(caseId, result.result(), result.evidence(), List::of, user);
        return work.read(caseId, user).view();
    }

    @PostMapping("/{caseId}/extensions")
    @ResponseStatus(HttpStatus.CREATED)
    ExtensionRequested extension(@PathVariable String caseId, @RequestBody Extension extension,
                                 @AuthenticationPrincipal DubanUser user) {
        return new ExtensionRequested(work.requestExtension(caseId, extension.until(), extension.reason(), user));
    }

    @PostMapping("/{caseId}/extensions/{extensionId}/decision")
    SupervisionCaseView decide(@PathVariable String caseId, @PathVariable String extensionId,
                               @RequestBody Decision decision, @AuthenticationPrincipal DubanUser user) {
        work.decideExtension(caseId, extensionId, decision.approved(), decision.reason(), user);
        return work.read(caseId, user).view();
    }

    @PostMapping("/{caseId}/verification")
    SupervisionCaseView verify(@PathVariable String caseId, @RequestBody Verification verification,
                               @AuthenticationPrincipal DubanUser user) {
        work.verify(caseId, verification.closedOut(), verification.reason(), user);
        return work.read(caseId, user).view();
    }

    @PostMapping("/{caseId}/escalation")
    SupervisionCaseView escalate(@PathVariable String caseId, @RequestBody Escalation escalation,
                                 @AuthenticationPrincipal DubanUser user) {
        work.escalate(caseId, escalation.reason(), user);
        return work.read(caseId, user).view();
    }
}
