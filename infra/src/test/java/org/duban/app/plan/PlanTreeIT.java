package org.duban.app.plan;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.duban.api.indicator.DefineIndicator;
import org.duban.api.indicator.Direction;
import org.duban.api.indicator.Target;
import org.duban.api.plan.AddSection;
import org.duban.api.plan.CreatePlan;
import org.duban.api.plan.PlanPeriod;
import org.duban.api.task.CreateTask;
import org.duban.api.unit.UnitIds;
import org.duban.api.unit.UnitRef;
import org.duban.app.support.Browser;
import org.duban.app.support.DubanIntegrationTest;
import org.duban.app.support.PlanTrees;
import org.duban.app.support.Uploads;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plan tree, through the API and on the plan page, shows every task, also one under no heading, with the number
 * its document prints, and each indicator with the task that states it.
 */
@DubanIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SuppressWarnings({"rawtypes", "unchecked"})
class PlanTreeIT {
    private static final String OFFICE = "区政府督查室";
    private static final PlanPeriod PERIOD = new PlanPeriod(2021, 2025);
    private static final UnitRef HEALTH = new UnitRef(UnitIds.of("区卫生健康委"), "区卫生健康委");
    private static final UnitRef FINANCE = new UnitRef(UnitIds.of("区财政局"), "区财政局");

    @Autowired
    CommandGateway commands;
    @Autowired
    TestRestTemplate http;
    @LocalServerPort
    int port;
    private Browser browser;

    @BeforeAll
    void startBrowser() {
        browser = new Browser(port);
    }

    @AfterAll
    void stopBrowser() {
        browser.close();
    }

    @Test
    void tasks_under_no_heading_printed_numbers_and_the_task_of_an_indicator_show_in_the_tree_and_on_the_page() {
        String planId = "tree-" + UUID.randomUUID();
        String sectionId = UUID.randomUUID().toString();
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        String third = UUID.randomUUID().toString();
        commands.sendAndWait(new CreatePlan(planId, "中医药传承创新发展行动方案（树）", null, "区人民政府办公室", PERIOD, OFFICE));
        commands.sendAndWait(new AddSection(planId, sectionId, null, 1, "二、", "重点任务"));
        commands.sendAndWait(new CreateTask(first, planId, null, 1, "1", "建立中医药工作联席会议制度。", HEALTH,
                List.of(FINANCE), null, null, PERIOD, OFFICE));
        commands.sendAndWait(new CreateTask(second, planId, sectionId, 2, "（一）",
                "推进中医医院康复科建设，到2025年二级以上中医医院设置康复科比例达到70%。", HEALTH, List.of(), null, null, PERIOD,
                OFFICE));
        commands.sendAndWait(new CreateTask(third, planId, null, 3, null, "加强中医药人才队伍建设。", HEALTH, List.of(),
                null, null, PERIOD, OFFICE));
        commands.sendAndWait(new DefineIndicator(UUID.randomUUID().toString(), planId, null, 1, "1", second,
                "二级以上中医医院设置康复科比例", "%", null, Target.parse(2025, "70%"), null, Direction.UNKNOWN, List.of(),
                null));

        Map tree = http.withBasicAuth("supervisor", "duban").getForObject("/api/plans/" + planId + "/tree", Map.class);
        assertThat((List<Map>) tree.get("unsectionedTasks")).extracting(task -> task.get("taskId"))
                .containsExactly(first, third);
        assertThat((List<Map>) tree.get("unsectionedTasks")).extracting(task -> task.get("code"))
                .containsExactly("1", null);
        Map section = ((List<Map>) tree.get("sections")).get(0);
        assertThat((List<Map>) section.get("tasks")).singleElement()
                .satisfies(task -> assertThat(task).containsEntry("taskId", second).containsEntry("code", "（一）"));
        assertThat((List<Map>) tree.get("indicators")).singleElement()
                .satisfies(indicator -> assertThat(indicator).containsEntry("code", "1").containsEntry("taskId", second));

        browser.signIn("supervisor");
        browser.open("/plans/" + planId);
        browser.waitUntil(d -> d.findElements(By.cssSelector("tr.task")).size() == 3);
        assertThat(browser.driver().findElement(By.cssSelector("section.unsectioned h3")).getText())
                .startsWith("未归入章节的任务");
        assertThat(browser.driver().findElements(By.cssSelector("section.unsectioned tr.task td.number")))
                .extracting(WebElement::getText).as("the printed number, else the place in the plan")
                .containsExactly("1", "3");
        assertThat(browser.driver().findElement(By.cssSelector("details.section tr.task td.number")).getText())
                .isEqualTo("（一）");
        WebElement statedBy = browser.driver().findElement(By.cssSelector("table.indicators .stated-by a"));
        assertThat(statedBy.getText()).startsWith("（一） 推进中医医院康复科建设");
        assertThat(statedBy.getAttribute("href")).endsWith("/tasks/" + second);
    }

    @Test
    void a_table_without_headings_imports_with_every_task_in_the_tree() {
        String table = """
                序号,具体任务,责任单位
                1,建立中医药工作联席会议制度。,区卫生健康委、区财政局
                2,加强中医药人才队伍建设。,区卫生健康委
                """;
        Map<String, String> fields = new LinkedHashMap<>(Uploads.dazuPlan());
        fields.put("title", "无章节任务表 " + System.nanoTime());
        ResponseEntity<Map> imported = Uploads.upload(http, "supervisor", "flat.csv",
                table.getBytes(StandardCharsets.UTF_8), fields);
        assertThat(imported.getBody()).as("%s", imported.getBody()).containsEntry("imported", true)
                .containsEntry("tasks", 2);

        Map tree = http.withBasicAuth("supervisor", "duban")
                .getForObject("/api/plans/" + imported.getBody().get("planId") + "/tree", Map.class);
        assertThat((List<Map>) tree.get("sections")).isEmpty();
        assertThat(PlanTrees.allTasks(tree)).extracting(task -> ((String) task.get("text")).substring(0, 4))
                .containsExactly("建立中医", "加强中医");
    }
}
