package org.duban.process.evaluation;

import org.axonframework.eventhandling.EventHandler;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.duban.api.evaluation.Grade;
import org.duban.api.evaluation.ItemResult;
import org.duban.api.evaluation.RoundResultsPublished;
import org.duban.api.evaluation.ScoringClosed;
import org.duban.api.evaluation.UnitResult;
import org.duban.api.unit.UnitRef;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.duban.process.evaluation.EvaluationRounds.NOTICE_AT_OR_BELOW;
import static org.duban.process.evaluation.EvaluationRounds.NOTICE_ITEMS;
import static org.duban.process.evaluation.EvaluationRounds.PROCESS_KEY;
import static org.duban.process.evaluation.EvaluationRounds.RECONCILE_ITEMS;

/**
 * What the round decided, told to its process in the transaction that records it (events are handled before the
 * command returns): whether scoring left items to reconcile, and which published items open a notice. The process
 * routes on these; the round's aggregate alone decides them.
 */
@Component
class RoundEvents {
    private final RuntimeService runtime;

    RoundEvents(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @EventHandler
    void on(ScoringClosed event) {
        ProcessInstance process = process(event.roundId());
        if (process != null) {
            runtime.setVariable(process.getId(), RECONCILE_ITEMS, !event.divergentItems().isEmpty());
        }
    }

    /** The items whose grade is at or below the scheme's notice grade (the scheme's {@code opensNotice}). */
    @EventHandler
    void on(RoundResultsPublished event) {
        ProcessInstance process = process(event.roundId());
        if (process == null) {
            return;
        }
        Grade noticeAtOrBelow = Grade.valueOf((String) runtime.getVariable(process.getId(), NOTICE_AT_OR_BELOW));
        Map<String, UnitRef> units = event.units().stream().map(UnitResult::unit)
                .collect(Collectors.toMap(UnitRef::unitId, Function.identity(), (a, b) -> a));
        List<String> items = new ArrayList<>();
        for (ItemResult item : event.items()) {
            if (item.grade() != null && item.score() != null && item.grade().compareTo(noticeAtOrBelow) >= 0) {
                UnitRef unit = units.get(item.unitId());
                items.add(new NoticeItem(item.kind(), item.itemId(), item.unitId(), item.grade(), item.score(),
                        unit == null ? item.unitId() : unit.name()).encoded());
            }
        }
        runtime.setVariable(process.getId(), NOTICE_ITEMS, items);
    }

    private ProcessInstance process(String roundId) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
                .processInstanceBusinessKey(roundId).singleResult();
    }
}
