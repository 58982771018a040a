package org.duban.query.plan;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.duban.api.plan.FindPlan;
import org.duban.api.plan.ListPlans;
import org.duban.api.plan.PlanClosed;
import org.duban.api.plan.PlanCreated;
import org.duban.api.plan.PlanExecutionStarted;
import org.duban.api.plan.PlanPeriod;
import org.duban.api.plan.PlanPublished;
import org.duban.api.plan.PlanStatus;
import org.duban.api.plan.PlanSummary;
import org.duban.api.plan.PlanSupervisionChanged;
import org.duban.query.Projections;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;

import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Given a plan's events, the plan list shows its metadata, who created it, its office and its lifecycle status. */
@DataJpaTest(showSql = false)
class PlanSummaryProjectionTest {
    @Autowired
    Projections projections;

    private final String planId = "p-" + UUID.randomUUID();

    private PlanCreated created(String planId, String title) {
        return new PlanCreated(planId, title, "大足府办发〔2024〕12号", "大足区人民政府办公室", LocalDate.of(2024, 3, 1),
                new PlanPeriod(2024, 2027), null, "区政府督查室");
    }

    private PlanSummary plan() {
        return projections.query(new FindPlan(planId), ResponseTypes.instanceOf(PlanSummary.class));
    }

    @Test
    void a_created_plan_is_a_draft_with_its_document_its_years_its_author_and_its_office() {
        projections.given(created(planId, "大足区中医药传承创新发展实施方案"));

        PlanSummary plan = plan();
        assertThat(plan.status()).isEqualTo(PlanStatus.DRAFT);
        assertThat(plan.title()).isEqualTo("大足区中医药传承创新发展实施方案");
        assertThat(plan.documentNumber()).isEqualTo("大足府办发〔2024〕12号");
        assertThat(plan.issuer()).isEqualTo("大足区人民政府办公室");
        assertThat(plan.issueDate()).isEqualTo(LocalDate.of(2024, 3, 1));
        assertThat(plan.startYear()).isEqualTo(2024);
        assertThat(plan.endYear()).isEqualTo(2027);
        assertThat(plan.createdBy()).isEqualTo(Projections.USER);
        assertThat(plan.createdByUnit()).isEqualTo(Projections.UNIT);
        assertThat(plan.supervisingUnit()).isEqualTo("区政府督查室");
        assertThat(plan.createdAt()).isEqualTo(projections.lastEventAt());
    }

    @Test
    void a_plan_moves_from_published_to_execution_to_closed_and_its_office_can_change() {
        projections.given(created(planId, "大足区中医药传承创新发展实施方案"), new PlanPublished(planId));
        assertThat(plan().status()).isEqualTo(PlanStatus.PUBLISHED);
        projections.given(new PlanExecutionStarted(planId));
        assertThat(plan().status()).isEqualTo(PlanStatus.IN_EXECUTION);

        projections.given(new PlanSupervisionChanged(planId, "区卫生健康委", "区政府督查室", "职能调整"),
                new PlanClosed(planId, PlanStatus.IN_EXECUTION));

        PlanSummary plan = plan();
        assertThat(plan.status()).isEqualTo(PlanStatus.CLOSED);
        assertThat(plan.supervisingUnit()).isEqualTo("区卫生健康委");
        assertThat(plan.updatedAt()).isEqualTo(projections.lastEventAt()).isAfter(plan.createdAt());
    }

    @Test
    void plans_are_listed_newest_first_and_an_unknown_plan_is_not_found() {
        String older = "p-" + UUID.randomUUID();
        projections.given(created(older, "资阳市中医药发展规划"), created(planId, "大足区中医药传承创新发展实施方案"));

        assertThat(projections.query(new ListPlans(), ResponseTypes.multipleInstancesOf(PlanSummary.class)))
                .extracting(PlanSummary::planId).containsSubsequence(planId, older);
        assertThat(projections.query(new FindPlan("p-unknown"), ResponseTypes.instanceOf(PlanSummary.class))).isNull();
    }
}
