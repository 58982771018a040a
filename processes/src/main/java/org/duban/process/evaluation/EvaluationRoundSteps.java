package org.duban.process.evaluation;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import static org.duban.process.evaluation.EvaluationRounds.RECORDED;

/**
 * Every step of {@code evaluation-round} carries content only Duban takes ({@link EvaluationRounds} sends its command
 * before completing it), so completing one elsewhere (Camunda's own Tasklist) is refused and the step stays open.
 */
@Component(EvaluationRoundSteps.BEAN)
public class EvaluationRoundSteps implements TaskListener {
    public static final String BEAN = "evaluationRoundSteps";

    @Override
    public void notify(DelegateTask step) {
        if (!Boolean.TRUE.equals(step.getVariable(RECORDED))) {
            throw new IllegalStateException("step \"" + step.getName() + "\" must be completed in Duban, which records "
                    + "what it says; it cannot be completed without its content");
        }
    }
}
