package org.duban.query.supervision;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.duban.api.supervision.FindOpenCaseGrades;
import org.duban.api.supervision.NoticeGrade;
import org.duban.api.supervision.OpenCaseGrades;
import org.duban.query.Projections;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The case projection's rows (written here by hand: another part of the application keeps them) read per plan. */
@DataJpaTest(showSql = false)
@Import(OpenCases.class)
class OpenCasesTest {
    @Autowired
    Projections projections;
    @Autowired
    JdbcTemplate jdbc;

    private final String planId = "p-" + UUID.randomUUID();

    private void supervisionCase(String planId, String taskId, String indicatorId, NoticeGrade grade, String stage) {
        Timestamp now = Timestamp.from(Instant.parse("2025-05-06T02:00:00Z"));
        jdbc.update("insert into supervision_case (case_id, plan_id, task_id, indicator_id, unit_id, unit_name, grade, "
                        + "case_trigger, stage, issued_at, updated_at) values (?, ?, ?, ?, 'u-1', '区卫生健康委', ?, "
                        + "'MANUAL', ?, ?, ?)", UUID.randomUUID().toString(), planId, taskId, indicatorId, grade.name(),
                stage, now, now);
    }

    @Test
    void the_open_cases_of_a_plans_tasks_by_task_without_the_closed_out_ones_or_other_plans() {
        supervisionCase(planId, "t-1", null, NoticeGrade.LISTED, "ISSUED");
        supervisionCase(planId, "t-1", null, NoticeGrade.REMINDER, "RECTIFYING");
        supervisionCase(planId, "t-2", null, NoticeGrade.NOTICE, "CLOSED_OUT");
        supervisionCase(planId, null, "i-1", NoticeGrade.NOTICE, "ISSUED");
        supervisionCase("p-other", "t-3", null, NoticeGrade.NOTICE, "ISSUED");

        OpenCaseGrades open = projections.query(new FindOpenCaseGrades(planId),
                ResponseTypes.instanceOf(OpenCaseGrades.class));

        assertThat(open.byTask()).containsOnlyKeys("t-1");
        assertThat(open.of("t-1")).containsExactlyInAnyOrder(NoticeGrade.LISTED, NoticeGrade.REMINDER);
        assertThat(open.of("t-2")).isEmpty();
        assertThat(open.cases()).extracting(OpenCaseGrades.Case::taskId).containsOnly("t-1", "t-2");
    }

    @Test
    void a_plan_without_cases_has_none_open() {
        assertThat(projections.query(new FindOpenCaseGrades(planId), ResponseTypes.instanceOf(OpenCaseGrades.class))
                .byTask()).isEmpty();
    }
}
