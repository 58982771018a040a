package org.duban.app.evaluation;

import org.duban.api.evaluation.Grade;
import org.duban.api.evaluation.ItemScore;
import org.duban.api.evaluation.RoundDetail;
import org.duban.api.evaluation.RoundResults;
import org.duban.api.evaluation.RoundSummary;
import org.duban.api.evaluation.SelfAssessmentEntry;
import org.duban.api.evaluation.SheetRow;
import org.duban.api.task.AdjustmentKind;
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

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Evaluation rounds over HTTP: a supervisor opens a round on a plan's scope; the units assess themselves; the
 * evaluators score, declare conflicts and hand in; the supervisors reconcile, calibrate, publish, close or cancel. A
 * refusal of the round answers 409 with its code, a user who may not act 403, bad input 400 naming the field.
 */
@RestController
@RequestMapping("/api/evaluation/rounds")
class EvaluationApi {
    private final EvaluationWork work;

    EvaluationApi(EvaluationWork work) {
        this.work = work;
    }

    record Opened(String roundId) {
    }

    record SelfAssessment(List<SelfAssessmentEntry> entries) {
    }

    record Score(String itemId, Map<String, BigDecimal> criterionScores, Grade grade, String comment) {
    }

    record Conflict(List<String> itemIds, String reason) {
    }

    record Reconciliation(String itemId, BigDecimal score, String reason) {
    }

    record Calibration(String itemId, BigDecimal after, String reason) {
    }

    record Reason(String reason) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Opened open(@RequestBody EvaluationWork.Opening opening, @AuthenticationPrincipal DubanUser user) {
        return new Opened(work.open(opening, user));
    }

    @GetMapping
    List<RoundSummary> list(@RequestParam(required = false) String planId, @AuthenticationPrincipal DubanUser user) {
        return work.list(planId, user);
    }

    @GetMapping("/{roundId}")
    RoundDetail read(@PathVariable String roundId, @AuthenticationPrincipal DubanUser user) {
        return work.read(roundId, user);
    }

    @GetMapping("/{roundId}/sheet")
    List<SheetRow> sheet(@PathVariable String roundId, @AuthenticationPrincipal DubanUser user) {
        return work.sheet(roundId, user);
    }

    @GetMapping("/{roundId}/results")
    RoundResults results(@PathVariable String roundId, @AuthenticationPrincipal DubanUser user) {
        return work.results(roundId, user);
    }

    @PostMapping("/{roundId}/self-assessments/{unitId}")
    RoundDetail selfAssess(@PathVariable String roundId, @PathVariable String unitId,
                           @RequestBody SelfAssessment assessment, @AuthenticationPrincipal DubanUser user) {
        work.submitSelfAssessment(roundId, unitId, body(assessment).entries(), user);
        return work.read(roundId, user);
    }

    @PostMapping("/{roundId}/self-assessment/close")
    RoundDetail closeSelfAssessment(@PathVariable String roundId, @RequestBody(required = false) Reason reason,
                                    @AuthenticationPrincipal DubanUser user) {
        work.closeSelfAssessment(roundId, reason == null ? null : reason.reason(), user);
        return work.read(roundId, user);
    }

    @PostMapping("/{roundId}/scores")
    Map<String, String> score(@PathVariable String roundId, @RequestBody Score score,
                              @AuthenticationPrincipal DubanUser user) {
        Score given = body(score);
        work.score(roundId, new ItemScore(EvaluationWork.required(EvaluationWork.blankToNull(given.itemId()), "itemId"),
                given.criterionScores(), given.grade(), given.comment()), user);
        return Map.of("roundId", roundId, "itemId", given.itemId());
    }

    @PostMapping("/{roundId}/conflicts")
    Map<String, String> conflict(@PathVariable String roundId, @RequestBody Conflict conflict,
                                 @AuthenticationPrincipal DubanUser user) {
        Conflict given = body(conflict);
        work.declareConflict(roundId, given.itemIds(), given.reason(), user);
        return Map.of("roundId", roundId);
    }

    @PostMapping("/{roundId}/scoring/complete")
    Map<String, String> completeScoring(@PathVariable String roundId, @AuthenticationPrincipal DubanUser user) {
        work.completeScoring(roundId, user);
        return Map.of("roundId", roundId);
    }

    @PostMapping("/{roundId}/scoring/close")
    RoundDetail closeScoring(@PathVariable String roundId, @RequestBody(required = false) Reason reason,
                             @AuthenticationPrincipal DubanUser user) {
        work.closeScoring(roundId, reason == null ? null : reason.reason(), user);
        return work.read(roundId, user);
    }

    @PostMapping("/{roundId}/reconciliations")
    RoundDetail reconcile(@PathVariable String roundId, @RequestBody Reconciliation reconciliation,
                          @AuthenticationPrincipal DubanUser user) {
        Reconciliation given = body(reconciliation);
        work.reconcile(roundId, given.itemId(), given.score(), given.reason(), user);
        return work.read(roundId, user);
    }

    @PostMapping("/{roundId}/reconciliation/complete")
    RoundDetail completeReconciliation(@PathVariable String roundId, @AuthenticationPrincipal DubanUser user) {
        work.completeReconciliation(roundId, user);
        return work.read(roundId, user);
    }

    @PostMapping("/{roundId}/calibrations")
    RoundDetail calibrate(@PathVariable String roundId, @RequestBody Calibration calibration,
                          @AuthenticationPrincipal DubanUser user) {
        Calibration given = body(calibration);
        work.calibrate(roundId, given.itemId(), given.after(), given.reason(), user);
        return work.read(roundId, user);
    }

    @PostMapping("/{roundId}/calibration/finish")
    RoundDetail finishCalibration(@PathVariable String roundId, @AuthenticationPrincipal DubanUser user) {
        work.finishCalibration(roundId, user);
        return work.read(roundId, user);
    }

    @PostMapping("/{roundId}/publish")
    RoundDetail publish(@PathVariable String roundId, @AuthenticationPrincipal DubanUser user) {
        work.publish(roundId, user);
        return work.read(roundId, user);
    }

    /** @param kind a task's adjustment kind (TEXT, DUE_DATE, UNITS); unused for an indicator, whose target changes */
    record AdjustmentProposal(String itemId, AdjustmentKind kind, String proposal, String reason) {
    }

    record Proposed(String adjustmentId) {
    }

    @PostMapping("/{roundId}/adjustments")
    @ResponseStatus(HttpStatus.CREATED)
    Proposed proposeAdjustment(@PathVariable String roundId, @RequestBody AdjustmentProposal proposal,
                               @AuthenticationPrincipal DubanUser user) {
        AdjustmentProposal given = body(proposal);
        return new Proposed(work.proposeAdjustment(roundId, given.itemId(), given.kind(), given.proposal(),
                given.reason(), user));
    }

    @PostMapping("/{roundId}/close")
    RoundDetail close(@PathVariable String roundId, @AuthenticationPrincipal DubanUser user) {
        work.close(roundId, user);
        return work.read(roundId, user);
    }

    @PostMapping("/{roundId}/cancel")
    RoundDetail cancel(@PathVariable String roundId, @RequestBody(required = false) Reason reason,
                       @AuthenticationPrincipal DubanUser user) {
        work.cancel(roundId, reason == null ? null : reason.reason(), user);
        return work.read(roundId, user);
    }

    private static <T> T body(T body) {
        if (body == null) {
            throw new IllegalArgumentException("the request body is required");
        }
        return body;
    }
}
