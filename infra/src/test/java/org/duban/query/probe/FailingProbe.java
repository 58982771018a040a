package org.duban.query.probe;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.duban.api.reporting.ReportReturned;
import org.duban.query.ProjectionTables;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A projection for tests only (registered by the tests that import it): it cannot apply a returned report whose reason
 * carries {@link #MARK}, once switched on. It lives in {@code org.duban.query} so that the rebuild takes it for a
 * projection like any other, and it owns no table.
 */
@ProcessingGroup(FailingProbe.NAME)
@ProjectionTables({})
public class FailingProbe {
    public static final String NAME = "failing-probe";
    public static final String MARK = "[the probe cannot apply this]";

    public enum Mode {
        /** applies everything */
        OFF,
        /** throws on a marked event */
        FAIL,
        /** waits on a marked event until {@link #release()}, then throws */
        HOLD_THEN_FAIL
    }

    private volatile Mode mode = Mode.OFF;
    private volatile CountDownLatch holding = new CountDownLatch(1);
    private volatile CountDownLatch released = new CountDownLatch(1);

    public void switchTo(Mode mode) {
        holding = new CountDownLatch(1);
        released = new CountDownLatch(1);
        this.mode = mode;
    }

    /** Waits until the probe holds a marked event. */
    public boolean awaitHolding() throws InterruptedException {
        return holding.await(60, TimeUnit.SECONDS);
    }

    public void release() {
        released.countDown();
    }

    @EventHandler
    void on(ReportReturned event) throws InterruptedException {
        if (mode == Mode.OFF || !event.reason().contains(MARK)) {
            return;
        }
        if (mode == Mode.HOLD_THEN_FAIL) {
            holding.countDown();
            if (!released.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never released the probe");
            }
        }
        throw new IllegalStateException("the probe cannot apply report " + event.taskId() + "/" + event.periodKey()
                + " returned in round " + event.round());
    }

    @ResetHandler
    void reset() {
        // owns no table
    }
}
