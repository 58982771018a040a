package org.duban.app.rebuild;

import org.duban.app.axon.FailedEvent;

import java.time.Instant;
import java.util.List;

/**
 * A rebuild run as it stands: while it runs, events replayed so far of those to replay and the rate so far; when
 * it has finished, the figures of the whole run (reset, replay and catch-up).
 *
 * @param eventsTotal     events in the store when the run started, plus those appended while it ran
 * @param eventsPerSecond events replayed per second of the run so far (the final figure once finished)
 * @param error           why the run failed and what became of the views (a failed run leaves them as it found them)
 * @param failedEvent     the event a projection could not apply, when that is why the run failed
 */
public record RebuildProgress(String runId, List<String> projections, State state, Phase phase, long eventsDone,
                              long eventsTotal, double percent, double eventsPerSecond, Instant startedAt,
                              Instant finishedAt, Long durationMillis, String error, FailedEvent failedEvent) {

    public enum State { RUNNING, SUCCEEDED, FAILED }

    public enum Phase {
        /** waiting for appends to stop, then emptying the projections' tables */
        RESETTING,
        /** replaying the events stored when the run started, in the run's one transaction */
        REPLAYING,
        /** appends wait while the events stored since the start are replayed, then the run commits */
        CATCHING_UP,
        /** the run failed and rolled back; appends wait while the events stored since its start are applied to the
         * views it found */
        RESTORING,
        DONE
    }

    public boolean running() {
        return state == State.RUNNING;
    }

    /** One line for a log or a terminal. */
    public String line() {
        String what = String.join(", ", projections);
        return switch (state) {
            case RUNNING -> String.format("rebuilding %s: %s %d/%d events (%.0f%%), %.0f events/s", what,
                    phase.name().toLowerCase(), eventsDone, eventsTotal, percent, eventsPerSecond);
            case SUCCEEDED -> String.format("rebuilt %s: %d events in %.2f s, %.0f events/s", what, eventsDone,
                    durationMillis / 1000.0, eventsPerSecond);
            case FAILED -> String.format("rebuild of %s failed after %d events: %s", what, eventsDone, error);
        };
    }
}
