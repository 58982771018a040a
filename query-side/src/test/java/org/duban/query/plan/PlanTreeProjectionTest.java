package org.duban.query.plan;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.duban.api.indicator.Direction;
import org.duban.api.indicator.IndicatorAttribute;
import org.duban.api.indicator.IndicatorDefined;
import org.duban.api.indicator.IndicatorView;
import org.duban.api.indicator.Target;
import org.duban.api.plan.FindPlanIndicators;
import org.duban.api.plan.FindPlanTree;
import org.duban.api.plan.PlanCreated;
import org.duban.api.plan.PlanPeriod;
import org.duban.api.plan.PlanTree;
import org.duban.api.plan.SectionAdded;
import org.duban.api.task.TaskCreated;
import org.duban.api.task.TaskView;
import org.duban.api.unit.FindUnitTasks;
import org.duban.api.unit.UnitRef;
import org.duban.api.unit.UnitTasks;
import org.duban.query.Projections;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Given a plan's events, the plan tree shows every task with the number its document prints. */
@DataJpaTest(showSql = false)
class PlanTreeProjectionTest {
    private static final UnitRef HEALTH = new UnitRef("unit-health-" + UUID.randomUUID(), "市卫生健康委");
    private static final UnitRef FINANCE = new UnitRef("unit-finance", "市财政局");
    private static final PlanPeriod PERIOD = new PlanPeriod(2021, 2025);

    @Autowired
    Projections projections;

    private final String planId = "p-" + UUID.randomUUID();

    private PlanCreated planCreated() {
        return new PlanCreated(planId, "资阳市中医药传承创新发展行动方案", null, "资阳市人民政府办公室", null, PERIOD, null,
                "市政府督查室");
    }

    private TaskCreated task(String taskId, String sectionId, int number, String code, String text) {
        return new TaskCreated(taskId, planId, sectionId, number, code, text, HEALTH, List.of(FINANCE), null, null,
                PERIOD, "市政府督查室");
    }

    private PlanTree tree() {
        return projections.query(new FindPlanTree(planId), ResponseTypes.instanceOf(PlanTree.class));
    }

    @Test
    void tasks_under_no_heading_are_listed_apart_in_plan_order_and_every_task_keeps_its_printed_number() {
        projections.given(planCreated(),
                new SectionAdded(planId, "s-1", null, 1, "二、", "重点任务", 1),
                new SectionAdded(planId, "s-2", "s-1", 2, "（一）", "提升中医药服务能力", 1),
                task("t-3", null, 3, null, "建立中医药工作联席会议制度。"),
                task("t-2", "s-2", 2, "（三）", "推动独立设置市级中医医院。"),
                task("t-1", null, 1, "1", "制定中医药发展规划。"));

        PlanTree tree = tree();

        assertThat(tree.unsectionedTasks()).extracting(TaskView::taskId).containsExactly("t-1", "t-3");
        assertThat(tree.unsectionedTasks()).extracting(TaskView::code).containsExactly("1", null);
        assertThat(tree.unsectionedTasks()).extracting(TaskView::shownNumber).as("a task without a printed number "
                + "shows its place in the plan").containsExactly("1", "3");
        PlanTree.Section level2 = tree.sections().get(0).children().get(0);
        assertThat(level2.tasks()).singleElement().satisfies(task -> {
            assertThat(task.code()).isEqualTo("（三）");
            assertThat(task.number()).isEqualTo(2);
            assertThat(task.shownNumber()).isEqualTo("（三）");
        });
        assertThat(tree.allTasks()).extracting(TaskView::taskId).containsExactly("t-1", "t-2", "t-3");
    }

    @Test
    void a_plan_without_headings_shows_all_its_tasks() {
        projections.given(planCreated(),
                task("t-1", null, 1, "1", "制定中医药发展规划。"),
                task("t-2", null, 2, "2", "推动独立设置市级中医医院。"));

        PlanTree tree = tree();

        assertThat(tree.sections()).isEmpty();
        assertThat(tree.unsectionedTasks()).extracting(TaskView::code).containsExactly("1", "2");
        assertThat(tree.allTasks()).hasSize(2);
    }

    @Test
    void a_task_whose_section_is_not_in_the_plan_is_shown_with_those_under_no_heading() {
        projections.given(planCreated(),
                new SectionAdded(planId, "s-1", null, 1, "一、", "总体要求", 1),
                task("t-1", "s-of-another-plan", 1, "1", "制定中医药发展规划。"));

        PlanTree tree = tree();

        assertThat(tree.sections().get(0).tasks()).isEmpty();
        assertThat(tree.unsectionedTasks()).extracting(TaskView::taskId).containsExactly("t-1");
    }

    @Test
    void an_indicator_keeps_its_printed_number_and_names_the_task_that_states_it() {
        Target target = Target.parse(2025, "70%");
        projections.given(planCreated(),
                task("t-1", null, 1, "（一）", "推进中医医院康复科建设，到2025年二级以上中医医院设置康复科比例达到70%。"),
                new IndicatorDefined("i-1", planId, null, 1, "1", "t-1", "二级以上中医医院设置康复科比例", "%", null, target,
                        IndicatorAttribute.EXPECTED, Direction.UNKNOWN, List.of(HEALTH), null),
                new IndicatorDefined("i-2", planId, null, 2, null, null, "中医类别执业医师数", "人", null,
                        Target.parse(2025, "不少于800"), null, Direction.UNKNOWN, List.of(), null));

        PlanTree tree = tree();

        assertThat(tree.indicators()).extracting(IndicatorView::code).containsExactly("1", null);
        assertThat(tree.indicators()).extracting(IndicatorView::shownNumber).containsExactly("1", "2");
        assertThat(tree.indicators()).extracting(IndicatorView::taskId).containsExactly("t-1", null);
        assertThat(tree.task(tree.indicators().get(0).taskId()).code()).isEqualTo("（一）");
        assertThat(tree.task(tree.indicators().get(1).taskId())).isNull();
        // a task's page asks for the indicators alone, and has them as the tree lists them
        assertThat(projections.query(new FindPlanIndicators(planId), ResponseTypes.multipleInstancesOf(IndicatorView.class)))
                .isEqualTo(tree.indicators());
        assertThat(projections.query(new FindPlanIndicators("p-unknown"), ResponseTypes.multipleInstancesOf(IndicatorView.class)))
                .isEmpty();
    }

    @Test
    void a_task_created_before_printed_numbers_were_kept_shows_its_place_in_the_plan() {
        projections.given(planCreated(), task("t-1", null, 7, null, "做大做强区中医院。"));

        assertThat(tree().unsectionedTasks()).singleElement().satisfies(task -> {
            assertThat(task.code()).isNull();
            assertThat(task.shownNumber()).isEqualTo("7");
        });
    }

    @Test
    void a_unit_s_task_list_carries_the_printed_number_and_no_section_for_a_task_under_no_heading() {
        projections.given(planCreated(),
                new SectionAdded(planId, "s-1", null, 1, "二、", "重点任务", 1),
                task("t-1", null, 1, "1", "制定中医药发展规划。"),
                task("t-2", "s-1", 2, "（三）", "推动独立设置市级中医医院。"));

        UnitTasks tasks = projections.query(new FindUnitTasks(HEALTH.unitId()),
                ResponseTypes.instanceOf(UnitTasks.class));

        assertThat(tasks.lead()).extracting(UnitTasks.Entry::code).containsExactly("1", "（三）");
        assertThat(tasks.lead()).extracting(UnitTasks.Entry::section).containsExactly("", "二、重点任务");
        UnitTasks asCoUnit = projections.query(new FindUnitTasks(FINANCE.unitId()),
                ResponseTypes.instanceOf(UnitTasks.class));
        assertThat(asCoUnit.co()).filteredOn(entry -> entry.planId().equals(planId))
                .extracting(UnitTasks.Entry::shownNumber).containsExactly("1", "（三）");
    }
}
