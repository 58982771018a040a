package org.duban.command;

import org.duban.api.NotAuthorized;
import org.duban.api.Role;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One rule for who acts for a plan's office, answered as a predicate and enforced from a command's metadata. */
class OfficeAuthorityTest {
    private static final String DISTRICT = "区政府督查室";

    @Test
    void the_offices_supervisors_administrators_and_the_system_may_act_for_it() {
        assertThat(OfficeAuthority.mayAct(DISTRICT, Role.SUPERVISOR, DISTRICT)).isTrue();
        assertThat(OfficeAuthority.mayAct(DISTRICT, Role.ADMIN, null)).isTrue();
        assertThat(OfficeAuthority.mayAct(DISTRICT, Role.SYSTEM, null)).isTrue();
    }

    @Test
    void supervisors_of_another_office_and_everyone_else_may_not() {
        assertThat(OfficeAuthority.mayAct(DISTRICT, Role.SUPERVISOR, "市政府督查办")).isFalse();
        assertThat(OfficeAuthority.mayAct(DISTRICT, Role.SUPERVISOR, null)).isFalse();
        assertThat(OfficeAuthority.mayAct(DISTRICT, Role.UNIT_USER, DISTRICT)).isFalse();
        assertThat(OfficeAuthority.mayAct(DISTRICT, Role.AUDITOR, DISTRICT)).isFalse();
        assertThat(OfficeAuthority.mayAct(DISTRICT, Role.EVALUATOR, DISTRICT)).isFalse();
        assertThat(OfficeAuthority.mayAct(DISTRICT, null, DISTRICT)).isFalse();
    }

    @Test
    void any_supervisor_acts_for_a_plan_that_names_no_office() {
        assertThat(OfficeAuthority.mayAct(null, Role.SUPERVISOR, "市政府督查办")).isTrue();
        assertThat(OfficeAuthority.mayAct(null, Role.UNIT_USER, "区卫生健康委")).isFalse();
    }

    @Test
    void a_command_without_an_actor_is_the_systems_and_an_unknown_role_is_a_units() {
        OfficeAuthority.require(DISTRICT, null, null, "open periods");
        assertThatThrownBy(() -> OfficeAuthority.require(DISTRICT, "JANITOR", DISTRICT, "open periods"))
                .isInstanceOf(NotAuthorized.class)
                .hasMessage("only a supervisor of 区政府督查室 or an administrator may open periods; you act for 区政府督查室");
        assertThat(OfficeAuthority.byPerson(null)).isFalse();
        assertThat(OfficeAuthority.byPerson("SYSTEM")).isFalse();
        assertThat(OfficeAuthority.byPerson("SUPERVISOR")).isTrue();
    }
}
