package org.duban.app.support;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;

import java.time.Duration;
import java.util.Date;

import static org.awaitility.Awaitility.await;

/**
 * Puts the engine's clock back to now and waits until every timer due by now has fired: the timers of steps whose
 * dates a test's earlier clock left behind (a co-unit's confirmation expiring, a period closing for contributions)
 * then fire before the test reads, not while it reads.
 */
public final class EngineClock {
    private EngineClock() {
    }

    public static void resetAndSettle(ManagementService management) {
        ClockUtil.reset();
        settle(management);
    }

    /**
     * Moves the engine's clock to {@code now} and waits until every timer due by then has fired, so that a page and an
     * API read after it see the same steps, not one before a timer and one after.
     */
    public static void setAndSettle(ManagementService management, Date now) {
        ClockUtil.setCurrentTime(now);
        settle(management);
    }

    private static void settle(ManagementService management) {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(300))
                .until(() -> management.createJobQuery().executable().count() == 0);
    }
}
