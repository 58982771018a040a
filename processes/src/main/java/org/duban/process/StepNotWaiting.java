package org.duban.process;

import org.duban.api.CommandRefused;

/** The refusal of a step that is not waiting: done already, by someone else, or not reached yet. */
public final class StepNotWaiting {
    public static final String CODE = "step.not-waiting";

    private StepNotWaiting() {
    }

    /** @param what the step, as a person names it ("acknowledgement", "review of 2026-Q4") */
    public static CommandRefused refusal(String what, String taskId) {
        return new CommandRefused(CODE, "no " + what + " of task " + taskId + " is waiting");
    }
}
