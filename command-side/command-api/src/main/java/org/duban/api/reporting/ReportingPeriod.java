package org.duban.api.reporting;

import org.duban.api.Require;

import java.time.LocalDate;

/** One reporting period of a plan, e.g. 2025-Q1 from 2025-01-01 to 2025-03-31. */
public record ReportingPeriod(String key, LocalDate start, LocalDate end) {
    public ReportingPeriod {
        key = Require.id(key, "period");
        Require.present(start, "period start");
        Require.present(end, "period end");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("period " + key + " ends before it starts");
        }
    }
}
