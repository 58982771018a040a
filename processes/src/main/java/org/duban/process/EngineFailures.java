package org.duban.process;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;

/** What the process engine's failures mean to a caller, so that no caller needs to know the engine's types. */
public final class EngineFailures {
    private EngineFailures() {
    }

    /**
     * Whether this one exception (not its causes) says that a step lost a race with another request: the step or its
     * process changed meanwhile, the step was found waiting and then completed by another request, or its process
     * instance ended under it.
     */
    public static boolean isLostRace(Throwable failure) {
        return failure instanceof OptimisticLockingException
                || failure instanceof NotFoundException
                || failure instanceof NullValueException
                && String.valueOf(failure.getMessage()).startsWith("Cannot restore state of process instance");
    }

    /** Whether the exception is the engine's wrapper of a failure inside a step (a listener's, say). */
    public static boolean isEngineFailure(Throwable failure) {
        return failure instanceof ProcessEngineException;
    }
}
