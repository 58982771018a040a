package org.duban.query.plan;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.duban.api.reporting.Cadence;
import org.duban.api.reporting.FindReportingCadence;
import org.duban.api.reporting.ReportingCadenceSet;
import org.duban.query.Projections;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A plan reports at the cadence last set for it; a plan without one has none. */
@DataJpaTest(showSql = false)
class PlanCadenceProjectionTest {
    @Autowired
    Projections projections;

    private final String planId = "p-" + UUID.randomUUID();

    private ReportingCadenceSet cadence(String planId) {
        return projections.query(new FindReportingCadence(planId), ResponseTypes.instanceOf(ReportingCadenceSet.class));
    }

    @Test
    void the_cadence_set_last_replaces_the_one_before_and_other_plans_keep_theirs() {
        String other = "p-" + UUID.randomUUID();
        projections.given(new ReportingCadenceSet(planId, Cadence.QUARTERLY, 10, 5),
                new ReportingCadenceSet(other, Cadence.YEARLY, 20, 0),
                new ReportingCadenceSet(planId, Cadence.MONTHLY, 5, 3));

        assertThat(cadence(planId)).isEqualTo(new ReportingCadenceSet(planId, Cadence.MONTHLY, 5, 3));
        assertThat(cadence(other)).isEqualTo(new ReportingCadenceSet(other, Cadence.YEARLY, 20, 0));
    }

    @Test
    void a_plan_whose_cadence_was_never_set_has_none() {
        assertThat(cadence(planId)).isNull();
    }
}
