package org.duban.process.evaluation;

import org.duban.api.evaluation.Evaluator;
import org.duban.api.evaluation.ItemFact;
import org.duban.api.evaluation.ItemScore;
import org.duban.api.evaluation.SelfAssessmentEntry;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.List;

/**
 * The {@code evaluation-round} process of one round (business key: the round id). Each method takes one act of the
 * round in one transaction: it finds the waiting step, sends the command with the step in its metadata and completes
 * the step where the act ends it. SIGNATURES ONLY: the process helper replaces this skeleton.
 */
@Component
public class EvaluationRounds {
    public static final String PROCESS_KEY = "evaluation-round";

    public void appointEvaluator(String roundId, Evaluator evaluator) {
        throw new UnsupportedOperationException("not built yet");
    }

    public void submitSelfAssessment(String roundId, String unitId, List<SelfAssessmentEntry> entries) {
        throw new UnsupportedOperationException("not built yet");
    }

    public void closeSelfAssessment(String roundId, String reason) {
        throw new UnsupportedOperationException("not built yet");
    }

    public void declareConflict(String roundId, String evaluator, List<String> itemIds, String reason) {
        throw new UnsupportedOperationException("not built yet");
    }

    public void score(String roundId, String evaluator, ItemScore score) {
        throw new UnsupportedOperationException("not built yet");
    }

    public void completeScoring(String roundId, String evaluator) {
        throw new UnsupportedOperationException("not built yet");
    }

    public void closeScoring(String roundId, String reason) {
        throw new UnsupportedOperationException("not built yet");
    }

    public void reconcile(String roundId, String itemId, BigDecimal score, String reason) {
        throw new UnsupportedOperationException("not built yet");
    }

    public void completeReconciliation(String roundId) {
        throw new UnsupportedOperationException("not built yet");
    }

    public void calibrate(String roundId, String itemId, BigDecimal after, String reason) {
        throw new UnsupportedOperationException("not built yet");
    }

    public void finishCalibration(String roundId) {
        throw new UnsupportedOperationException("not built yet");
    }

    public void publish(String roundId, List<ItemFact> facts) {
        throw new UnsupportedOperationException("not built yet");
    }

    public void close(String roundId) {
        throw new UnsupportedOperationException("not built yet");
    }

    public void cancel(String roundId, String reason) {
        throw new UnsupportedOperationException("not built yet");
    }
}
