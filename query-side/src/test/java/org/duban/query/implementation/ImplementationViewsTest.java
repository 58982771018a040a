package org.duban.query.implementation;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.duban.api.implementation.FindImplementation;
import org.duban.api.implementation.Implementation;
import org.duban.api.implementation.Implementation.ChildPlan;
import org.duban.api.implementation.Implementation.ItemKind;
import org.duban.api.implementation.Implementation.ParentItem;
import org.duban.api.plan.PlanCreated;
import org.duban.api.plan.PlanPeriod;
import org.duban.api.plan.SectionAdded;
import org.duban.api.task.TaskCreated;
import org.duban.api.unit.UnitRef;
import org.duban.query.Projections;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Given a parent plan and a plan implementing it, the child's progress and the parent's items it leaves out. */
@DataJpaTest(showSql = false)
class ImplementationViewsTest {
    private static final PlanPeriod YEARS = new PlanPeriod(2023, 2027);
    private static final UnitRef HEALTH = new UnitRef("unit-health", "区卫生健康委");

    @Autowired
    Projections projections;
    @Autowired
    JdbcTemplate jdbc;

    private final String city = "city-" + UUID.randomUUID();
    private final String district = "district-" + UUID.randomUUID();

    private Implementation implementation() {
        return projections.query(new FindImplementation(city), ResponseTypes.instanceOf(Implementation.class));
    }

    private String task(String planId, String sectionId, int number, String text) {
        String taskId = "t-" + UUID.randomUUID();
        projections.given(new TaskCreated(taskId, planId, sectionId, number, null, text, HEALTH, List.of(), null, null,
                YEARS, "区政府督查室"));
        return taskId;
    }

    @Test
    void a_plan_nobody_implements_has_no_children_and_an_unknown_plan_no_title() {
        assertThat(implementation().title()).isNull();
        projections.given(new PlanCreated(city, "重庆市实施方案", null, "重庆市人民政府办公厅", null, YEARS, null, "市政府督查办"));
        assertThat(implementation().title()).isEqualTo("重庆市实施方案");
        assertThat(implementation().children()).isEmpty();
    }

    @Test
    void a_part_of_the_city_plan_with_no_counterpart_in_the_district_plan_is_a_gap() {
        String cityParts = UUID.randomUUID().toString();
        projections.given(new PlanCreated(city, "重庆市实施方案", null, "重庆市人民政府办公厅", null, YEARS, null, "市政府督查办"),
                new SectionAdded(city, cityParts + "-1", null, 1, "七、", "中医药文化弘扬工程", 1),
                new SectionAdded(city, cityParts + "-2", cityParts + "-1", 2, "（一）", "强化中医药文化基础设施建设", 2),
                new SectionAdded(city, cityParts + "-3", cityParts + "-1", 2, "（三）", "促进中医药开放发展", 3),
                new PlanCreated(district, "大足区任务分解", null, "大足区人民政府办公室", null, YEARS, city, "区政府督查室"),
                new SectionAdded(district, district + "-s", null, 1, "六、", "强化中医药文化基础设施建设", 1));
        String red = task(district, district + "-s", 1, "建设区中医药文化宣传教育基地。");
        task(district, district + "-s", 2, "开展中医药文化进校园活动。");
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("insert into task_status (task_id, plan_id, status, rule, as_of, since) values (?, ?, 'RED', "
                + "'task.overdue', ?, ?)", red, district, LocalDate.of(2026, 11, 1), now);

        ChildPlan child = implementation().children().get(0);

        assertThat(child.planId()).isEqualTo(district);
        assertThat(child.taskCount()).isEqualTo(2);
        assertThat(child.red()).isEqualTo(1);
        assertThat(child.notAssessed()).isEqualTo(1);
        assertThat(child.gaps()).extracting(ParentItem::kind, ParentItem::text, ParentItem::sectionTitle)
                .containsExactly(tuple(ItemKind.SECTION, "促进中医药开放发展",
                        "七、中医药文化弘扬工程"));
        assertThat(child.matches()).singleElement().satisfies(match -> {
            assertThat(match.parent().text()).isEqualTo("强化中医药文化基础设施建设");
            assertThat(match.score()).isEqualTo(1.0);
        });
    }
}
