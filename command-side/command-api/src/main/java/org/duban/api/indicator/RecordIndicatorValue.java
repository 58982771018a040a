package org.duban.api.indicator;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.duban.api.Limits;
import org.duban.api.Require;
import org.duban.api.reporting.EvidenceRef;

import java.util.List;

/**
 * Records the indicator's value for a period, as written ("12", "85%", "13—15"; text that is not a number is kept as
 * written). Giving a period's value again corrects it; the same value again changes nothing.
 *
 * @param taskId the task whose accepted report gives the value (source REPORT), else absent
 * @param reason why a supervisor corrects a value; required for a supervisor's correction
 */
public record RecordIndicatorValue(@TargetAggregateIdentifier String indicatorId, String periodKey, String value,
                                   ValueSource source, String taskId, List<EvidenceRef> evidence, String reason) {
    public RecordIndicatorValue {
        Require.id(indicatorId, "indicatorId");
        periodKey = Require.id(periodKey, "periodKey");
        value = Require.text(value, "indicator value", Limits.VALUE);
        Require.present(source, "source");
        taskId = taskId == null || taskId.isBlank() ? null : Require.id(taskId, "taskId");
        evidence = Require.atMost(evidence, "evidence", Limits.EVIDENCE_FILES);
        reason = Require.optionalText(reason, "reason", Limits.REASON);
        if (source == ValueSource.REPORT && taskId == null) {
            throw new IllegalArgumentException("taskId is required for a value from a report");
        }
    }
}
