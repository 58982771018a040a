package org.duban.process;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EngineFailuresTest {
    @Test
    void a_step_changed_completed_or_ended_meanwhile_is_a_lost_race() {
        assertThat(EngineFailures.isLostRace(new OptimisticLockingException("updated by another"))).isTrue();
        assertThat(EngineFailures.isLostRace(new NotFoundException("Cannot find task with id x"))).isTrue();
        assertThat(EngineFailures.isLostRace(new NullValueException("Cannot restore state of process instance 7")))
                .isTrue();
    }

    @Test
    void other_engine_failures_are_not() {
        assertThat(EngineFailures.isLostRace(new NullValueException("variable is null"))).isFalse();
        assertThat(EngineFailures.isLostRace(new ProcessEngineException("listener failed"))).isFalse();
        assertThat(EngineFailures.isLostRace(new IllegalStateException("x"))).isFalse();
    }

    @Test
    void the_engine_wraps_failures_of_steps_in_its_own_exception() {
        assertThat(EngineFailures.isEngineFailure(new ProcessEngineException("listener failed"))).isTrue();
        assertThat(EngineFailures.isEngineFailure(new OptimisticLockingException("x"))).isTrue();
        assertThat(EngineFailures.isEngineFailure(new IllegalStateException("x"))).isFalse();
    }
}
