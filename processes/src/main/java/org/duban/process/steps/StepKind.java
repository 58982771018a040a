package org.duban.process.steps;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The kinds of workflow step a person takes, each named by its user task in the BPMN models. */
public enum StepKind {
    ACKNOWLEDGE("acknowledgeTask"),
    DECIDE_ADJUSTMENT("decideAdjustment"),
    CONFIRM_PART("confirmPart"),
    CONTRIBUTE("contribute"),
    WRITE_REPORT("writeReport"),
    REVIEW_REPORT("reviewReport"),
    HANDLE_ESCALATION("handleEscalation"),
    APPROVE_PUBLICATION("approvePublication"),
    /** the supervisors' decision on an adjustment during execution (adjustment.bpmn) */
    DECIDE_DYNAMIC_ADJUSTMENT("decideDynamicAdjustment"),
    // the supervision case's steps (supervision-case.bpmn)
    ANSWER_NOTICE("answerNotice"),
    ANSWER_LISTED_NOTICE("answerListedNotice"),
    CARRY_OUT_RECTIFICATION("carryOut"),
    VERIFY_RECTIFICATION("verifyRectification"),
    DECIDE_EXTENSION("decideExtension"),
    // an evaluation round's steps (evaluation-round.bpmn); the business key is the round
    /** a unit's self-assessment (自评) */
    SELF_ASSESS("selfAssess"),
    /** an evaluator's scoring of the round's items */
    SCORE_ROUND("scoreRound"),
    /** the supervisors settle the items whose evaluators differ beyond the threshold */
    RECONCILE_SCORES("reconcileScores"),
    /** the supervisors calibrate the scores */
    CALIBRATE_SCORES("calibrateScores"),
    /** the supervisors publish the results */
    PUBLISH_RESULTS("publishResults"),
    /** the supervisors follow up the published results and close the round */
    FOLLOW_UP_RESULTS("followUpResults");

    private final String key;

    StepKind(String key) {
        this.key = key;
    }

    /** The id of the user task in its BPMN model, as inboxes and the API name the step. */
    public String key() {
        return key;
    }

    /** Whether the step is one of a supervision case, whose business key is the case, not a task. */
    public boolean ofSupervisionCase() {
        return this == ANSWER_NOTICE || this == ANSWER_LISTED_NOTICE || this == CARRY_OUT_RECTIFICATION
                || this == VERIFY_RECTIFICATION || this == DECIDE_EXTENSION;
    }

    /** Whether the step is one of an evaluation round, whose business key is the round. */
    public boolean ofEvaluationRound() {
        return this == SELF_ASSESS || this == SCORE_ROUND || this == RECONCILE_SCORES || this == CALIBRATE_SCORES
                || this == PUBLISH_RESULTS || this == FOLLOW_UP_RESULTS;
    }

    /** Asked for every step of an inbox: a map, not a search. */
    private static final Map<String, StepKind> BY_KEY = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(StepKind::key, Function.identity()));

    public static Optional<StepKind> ofKey(String key) {
        return key == null ? Optional.empty() : Optional.ofNullable(BY_KEY.get(key));
    }
}
