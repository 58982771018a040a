package org.duban.process.steps;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** Which kind of step a user task was, open or completed, for pages that name the step an event came through. */
@Component
public class StepHistory {
    private final HistoryService history;

    public StepHistory(HistoryService history) {
        this.history = history;
    }

    public Optional<StepKind> kindOf(String userTaskId) {
        if (userTaskId == null || userTaskId.isBlank()) {
            return Optional.empty();
        }
        HistoricTaskInstance step = history.createHistoricTaskInstanceQuery().taskId(userTaskId).singleResult();
        return step == null ? Optional.empty() : StepKind.ofKey(step.getTaskDefinitionKey());
    }
}
