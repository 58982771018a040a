package org.duban.api.reporting;

import org.duban.api.Limits;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.duban.api.Require;

/**
 * A reminder (催办) to the lead unit: automatic before the due date (no note), or by a supervisor with a note.
 * Has no effect on a report already submitted or accepted.
 */
public record RemindReport(@TargetAggregateIdentifier String taskId, String periodKey, String note) {
    public RemindReport {
        Require.id(taskId, "taskId");
        Require.id(periodKey, "period");
        note = Require.optionalText(note, "note", Limits.REASON);
    }
}
