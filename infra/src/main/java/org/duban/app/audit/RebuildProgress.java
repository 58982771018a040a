package org.duban.app.audit;

import java.time.Instant;
import java.util.List;

/**
 * A rebuild run as it stands: while it runs, events replayed so far of those to replay and the rate so far; when
 * it has finished, the figures of the whole run (reset, replay and catch-up).
 *
 * @param eventsTotal     events in the store when the run started, plus those appended while it ran
 * @param eventsPerSecond events replayed per second of the run so far (the final figure once finished)
 * @param error           why the run failed; its projections are then incomplete until a rebuild succeeds
 */
public record RebuildProgress(String runId, List<String> projections, State state, Phase phase, long eventsDone,
                              long eventsTotal, double percent, double eventsPerSecond, Instant startedAt,
                              Instant finishedAt, Long durationMillis, String error) {

    public enum State { RUNNING, SUCCEEDED, FAILED }

    public enum Phase {
        /** waiting for appends to stop, then emptying the projections' tables */
        RESETTING,
        /** replaying the events stored when the run started, a batch per transaction */
        REPLAYING,
        /** appends wait while the events stored since the start are replayed */
        CATCHING_UP,
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
