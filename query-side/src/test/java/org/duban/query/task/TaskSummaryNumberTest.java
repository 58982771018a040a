package org.duban.query.task;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.duban.api.plan.PlanCreated;
import org.duban.api.plan.PlanPeriod;
import org.duban.api.task.FindTaskDetail;
import org.duban.api.task.FindTaskSummaries;
import org.duban.api.task.TaskCreated;
import org.duban.api.task.TaskDetail;
import org.duban.api.task.TaskSummary;
import org.duban.api.unit.UnitRef;
import org.duban.query.Projections;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Inboxes and the task page read a task's number as its document prints it. */
@DataJpaTest(showSql = false)
class TaskSummaryNumberTest {
    private static final UnitRef HEALTH = new UnitRef("unit-health", "市卫生健康委");
    private static final PlanPeriod PERIOD = new PlanPeriod(2021, 2025);

    @Autowired
    Projections projections;

    private final String planId = "p-" + UUID.randomUUID();

    @Test
    void a_task_summary_carries_the_printed_number_beside_the_place_in_the_plan() {
        projections.given(new PlanCreated(planId, "资阳市中医药传承创新发展行动方案", null, "资阳市人民政府办公室", null, PERIOD,
                        null, "市政府督查室"),
                new TaskCreated("t-1", planId, null, 4, "（四）", "推进中药产业发展。", HEALTH, List.of(), null, null,
                        PERIOD, "市政府督查室"),
                new TaskCreated("t-2", planId, null, 5, null, "加强中医药人才队伍建设。", HEALTH, List.of(), null, null,
                        PERIOD, "市政府督查室"));

        List<TaskSummary> summaries = projections.query(new FindTaskSummaries(List.of("t-1", "t-2")),
                ResponseTypes.multipleInstancesOf(TaskSummary.class));

        assertThat(summaries).extracting(TaskSummary::code).containsExactly("（四）", null);
        assertThat(summaries).extracting(TaskSummary::shownNumber).containsExactly("（四）", "5");
        TaskDetail detail = projections.query(new FindTaskDetail("t-1"), ResponseTypes.instanceOf(TaskDetail.class));
        assertThat(detail.summary().code()).isEqualTo("（四）");
        assertThat(detail.sectionHeading()).isEmpty();
    }
}
