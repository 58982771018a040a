package org.duban.api.reporting;

import org.duban.api.task.TaskNumbers;

import java.time.LocalDate;
import java.util.List;

/**
 * A unit's work as the lead unit, in numbers.
 *
 * @param toWrite   reports open or drafted, not yet submitted
 * @param returned  reports sent back to it for another round
 * @param overdue   reports marked overdue and not accepted
 * @param deadlines the nearest dates by which it must act, soonest first
 */
public record UnitProgress(String unitId, int toAcknowledge, int toWrite, int returned, int overdue,
                           List<Deadline> deadlines) {

    public UnitProgress {
        deadlines = List.copyOf(deadlines);
    }

    /**
     * @param periodKey the report's period, or null for acknowledging the task
     * @param status    the report's status, or null for acknowledging the task
     */
    public record Deadline(LocalDate due, String taskId, String planTitle, int number, String code, String text,
                           String periodKey, ReportStatus status) {

        public String shownNumber() {
            return TaskNumbers.shown(number, code);
        }

        public boolean acknowledgement() {
            return periodKey == null;
        }
    }
}
