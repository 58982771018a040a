package org.duban.app.web;

import org.duban.process.WorkflowClock;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Moments as people type them in a parameter: a day (read in Asia/Shanghai) or an ISO time with its offset. */
public final class Moments {
    private Moments() {
    }

    /**
     * @param endOfDay whether a bare day means its end (to, as of) rather than its start (from)
     * @return null for an absent or blank value
     * @throws IllegalArgumentException naming the parameter and the value
     */
    public static Instant parse(String name, String value, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String given = value.strip();
        try {
            if (given.length() == 10) {
                LocalDate day = LocalDate.parse(given);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(WorkflowClock.ZONE).toInstant();
            }
            return given.endsWith("Z") ? Instant.parse(given) : OffsetDateTime.parse(given).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("parameter " + name + ": \"" + given
                    + "\" is not a day (2026-10-31) or a time (2026-10-31T08:00:00Z, 2026-10-31T16:00:00+08:00)");
        }
    }
}
