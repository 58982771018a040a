package org.duban.api.ledger;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A plan's ledger: its tasks in the order of the decomposition table with what happened to each, and its indicators
 * with the value in force for every period reported. Codes (statuses, grades, kinds) are left for the reader's
 * language; texts are as written.
 *
 * @param title   null when the plan is unknown
 * @param periods the period keys any indicator has a value for, oldest first
 */
public record Ledger(String planId, String title, List<TaskRow> tasks, List<String> periods,
                     List<IndicatorRow> indicators) {
    public Ledger {
        tasks = List.copyOf(tasks);
        periods = List.copyOf(periods);
        indicators = List.copyOf(indicators);
    }

    /**
     * @param sections the headings above the task, level 1 first, each with its printed number ("（一）健全…")
     * @param status   GREEN, AMBER, RED, or null when not assessed
     * @param latest   the latest report handed in, or null
     */
    public record TaskRow(String taskId, int number, String code, List<String> sections, String text,
                          String leadUnit, List<String> coUnits, LocalDate dueDate, String status,
                          LatestReport latest, List<CaseLine> cases, List<AdjustmentLine> adjustments) {
        public TaskRow {
            sections = List.copyOf(sections);
            coUnits = List.copyOf(coUnits);
            cases = List.copyOf(cases);
            adjustments = List.copyOf(adjustments);
        }
    }

    /**
     * @param reportStatus the report's course (SUBMITTED, ACCEPTED, RETURNED, …)
     * @param completion   the unit's own word on the work (IN_PROGRESS, COMPLETED, …), or null
     */
    public record LatestReport(String periodKey, String reportStatus, String completion, Integer percent,
                               String narrative, boolean overdue) {
    }

    /** @param closedAt null while the case is open */
    public record CaseLine(String grade, String stage, String reason, Instant issuedAt, LocalDate deadline,
                           Instant closedAt) {
    }

    /** @param outcome APPROVED, REFUSED or null while it waits */
    public record AdjustmentLine(String kind, String proposal, String reason, String requestedBy, Instant requestedAt,
                                 String outcome, String decisionReason, String decidedBy, Instant decidedAt) {
    }

    /**
     * @param values the value in force (the latest version), as written, per period key
     * @param status GREEN, AMBER, RED, or null when not assessed
     */
    public record IndicatorRow(String indicatorId, int number, String code, String name, String unitOfMeasure,
                               String attribute, Integer baselineYear, String baseline, Integer targetYear,
                               String target, Map<String, String> values, String status) {
        public IndicatorRow {
            values = Map.copyOf(values);
        }
    }
}
