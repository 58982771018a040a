package org.duban.app.web;

import org.axonframework.modelling.command.ConcurrencyException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.duban.api.CommandRefused;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** What counts as a race lost to another request, however deep the engines wrap it, and what does not. */
class RacesTest {
    @Test
    void the_event_sequence_a_step_and_a_lock_taken_meanwhile_are_races() {
        assertThat(Races.lost(new ConcurrencyException("sequence 7 taken"))).isTrue();
        assertThat(Races.lost(new RuntimeException(new OptimisticLockingException("updated by another")))).isTrue();
        assertThat(Races.lost(new NotFoundException("Cannot find task with id x")))
                .isTrue();
        assertThat(Races.lost(new IllegalStateException(new SQLException("unique", "23505")))).isTrue();
        assertThat(Races.lost(new RuntimeException(new SQLException("deadlock", "40P01")))).isTrue();
        assertThat(Races.lost(new RuntimeException(new SQLException("lock timeout", "HYT00")))).isTrue();
        assertThat(Races.lost(new CannotAcquireLockException("lock"))).isTrue();
    }

    @Test
    void refusals_bad_input_and_defects_are_not() {
        assertThat(Races.lost(new CommandRefused("step.not-waiting", "no step waits"))).isFalse();
        assertThat(Races.lost(Races.changedMeanwhile("the report", new ConcurrencyException("x")))).isFalse();
        assertThat(Races.lost(new IllegalArgumentException("bad"))).isFalse();
        assertThat(Races.lost(new RuntimeException(new SQLException("too long", "22001")))).isFalse();
        assertThat(Races.lost(new NullValueException("variable is null"))).isFalse();
        assertThat(Races.lost(new NullPointerException())).isFalse();
    }

    @Test
    void a_race_lost_for_good_is_a_409_naming_what_changed() {
        CommandRefused refusal = Races.changedMeanwhile("the 2026-Q4 report of task t", new ConcurrencyException("x"));
        assertThat(refusal.code()).isEqualTo("changed-meanwhile");
        assertThat(refusal.getMessage()).isEqualTo("the 2026-Q4 report of task t changed meanwhile, reload and try again");
    }
}
