package org.duban.query.task;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.duban.api.plan.PlanCreated;
import org.duban.api.plan.PlanPeriod;
import org.duban.api.task.FindTaskLines;
import org.duban.api.task.FindTaskPlaces;
import org.duban.api.task.TaskCreated;
import org.duban.api.task.TaskLine;
import org.duban.api.task.TaskPlace;
import org.duban.api.unit.UnitRef;
import org.duban.query.Projections;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** What an inbox shows of its tasks: their plan and its office, number, text and lead unit; unknown tasks are left out. */
@DataJpaTest(showSql = false)
class TaskLinesTest {
    private static final UnitRef HEALTH = new UnitRef("unit-health", "区卫生健康委");
    private static final UnitRef MARKET = new UnitRef("unit-market", "区市场监管局");
    private static final PlanPeriod PERIOD = new PlanPeriod(2024, 2025);

    @Autowired
    Projections projections;

    private final String planId = "p-" + UUID.randomUUID();

    @Test
    void an_inbox_reads_each_known_task_as_its_plan_places_it() {
        projections.given(new PlanCreated(planId, "大足区中医药发展任务分解", null, "大足区人民政府办公室", null, PERIOD,
                        null, "区政府督查室"),
                new TaskCreated("t-1", planId, null, 1, "1", "建设区中医院二期工程。", HEALTH, List.of(MARKET), null,
                        null, PERIOD, "区政府督查室"),
                new TaskCreated("t-2", planId, null, 2, null, "规范中药材市场。", MARKET, List.of(), null, null,
                        PERIOD, "区政府督查室"));

        List<TaskLine> lines = projections.query(new FindTaskLines(List.of("t-2", "t-1", "t-unknown")),
                ResponseTypes.multipleInstancesOf(TaskLine.class));

        assertThat(lines).extracting(TaskLine::taskId, TaskLine::planId, TaskLine::planTitle, TaskLine::supervisingUnit,
                        TaskLine::number, TaskLine::code, TaskLine::text, TaskLine::leadUnit)
                .containsExactly(
                        tuple("t-1", planId, "大足区中医药发展任务分解", "区政府督查室", 1, "1", "建设区中医院二期工程。", HEALTH),
                        tuple("t-2", planId, "大足区中医药发展任务分解", "区政府督查室", 2, null, "规范中药材市场。", MARKET));
        assertThat(projections.query(new FindTaskLines(List.of()), ResponseTypes.multipleInstancesOf(TaskLine.class)))
                .isEmpty();
    }

    @Test
    void an_inbox_sorts_and_narrows_on_the_place_of_each_known_task_without_its_words() {
        projections.given(new PlanCreated(planId, "大足区中医药发展任务分解", null, "大足区人民政府办公室", null, PERIOD,
                        null, "区政府督查室"),
                new TaskCreated("t-1", planId, null, 1, "1", "建设区中医院二期工程。", HEALTH, List.of(MARKET), null,
                        null, PERIOD, "区政府督查室"));
        String officeless = "p-" + UUID.randomUUID();
        projections.given(new PlanCreated(officeless, "未指定督查单位的规划", null, "大足区人民政府办公室", null, PERIOD,
                        null, null),
                new TaskCreated("t-2", officeless, null, 1, null, "规范中药材市场。", MARKET, List.of(), null, null,
                        PERIOD, null));

        List<TaskPlace> places = projections.query(new FindTaskPlaces(List.of("t-2", "t-1", "t-unknown")),
                ResponseTypes.multipleInstancesOf(TaskPlace.class));

        assertThat(places).containsExactlyInAnyOrder(new TaskPlace("t-1", planId, "大足区中医药发展任务分解", "区政府督查室", 1),
                new TaskPlace("t-2", officeless, "未指定督查单位的规划", null, 1));
        assertThat(projections.query(new FindTaskPlaces(List.of()), ResponseTypes.multipleInstancesOf(TaskPlace.class)))
                .isEmpty();
    }
}
