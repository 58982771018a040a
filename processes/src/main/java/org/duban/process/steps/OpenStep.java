package org.duban.process.steps;

import java.time.Instant;

/**
 * A step in someone's inbox: a user task waiting on a task of a plan, or on a supervision case.
 *
 * @param taskId the task, or for a supervision case's step ({@link StepKind#ofSupervisionCase()}) the case id, or for
 *               an evaluation round's step ({@link StepKind#ofEvaluationRound()}) the round id
 * @param name   the step's name in the model (Chinese and English)
 * @param period the reporting period, for the steps of a report
 * @param due    when it is due, if it has a due date
 */
public record OpenStep(String userTaskId, StepKind kind, String name, String taskId, String period, Instant due,
                       Instant created) {
}
