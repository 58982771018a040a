package org.duban.process;

import org.camunda.bpm.engine.impl.util.ClockUtil;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;

/**
 * The one clock of due dates and timers: the process engine's, so that a test (or an operator rehearsing a period)
 * moves due dates, timers and "today" together.
 */
public final class WorkflowClock {
    /** Due dates are days in the offices' time zone. */
    public static final String ZONE_ID = "Asia/Shanghai";
    public static final ZoneId ZONE = ZoneId.of(ZONE_ID);

    private WorkflowClock() {
    }

    /** The engine's present moment, for anything else that must move with the timers (notifications' quiet hours). */
    public static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    public static LocalDate today() {
        return LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZONE);
    }

    /** The first moment of a day, for a timer that fires when that day begins. */
    public static Date startOf(LocalDate day) {
        return Date.from(day.atStartOfDay(ZONE).toInstant());
    }
}
