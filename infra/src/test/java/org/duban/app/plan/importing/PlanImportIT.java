package org.duban.app.plan.importing;

import org.duban.app.files.FileBytes;
import org.duban.app.support.DubanIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.app.support.Uploads.dazuPlan;
import static org.duban.app.support.Uploads.sample;
import static org.duban.app.support.Uploads.upload;

/** Importing the Dazu table over HTTP from every format, then reading it back as a tree and per unit. */
@DubanIntegrationTest
@SuppressWarnings({"rawtypes", "unchecked"})
class PlanImportIT {
    @Autowired
    TestRestTemplate http;

    @ParameterizedTest
    @ValueSource(strings = {"dazu-tcm-task-decomposition-2024.xlsx", "dazu-tcm-task-decomposition-2024.docx",
            "dazu-tcm-task-decomposition-2024.csv", "dazu-tcm-task-decomposition-2024-gb18030.csv"})
    void each_format_imports_the_whole_dazu_plan(String file) {
        byte[] content = sample(file);
        ResponseEntity<Map> response = upload(http, "supervisor", file, content, dazuPlan());

        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.CREATED);
        Map report = response.getBody();
        assertThat(report).containsEntry("imported", true).containsEntry("level1Sections", 8)
                .containsEntry("level2Sections", 21).containsEntry("level3Sections", 59).containsEntry("tasks", 94)
                .containsEntry("indicators", 12);
        assertThat((List) report.get("errors")).isEmpty();
        assertThat((List) report.get("unitNames")).hasSize(18);
        assertThat((Map<String, Integer>) report.get("leadCounts")).containsEntry("区卫生健康委", 62)
                .containsEntry("区市场监管局", 11).containsEntry("区农业农村委", 7).containsEntry("区卫生健康委（区疾控局）", 6)
                .containsEntry("区发展改革委", 4).containsEntry("区科技局", 4);

        Map tree = tree((String) report.get("planId"));
        List<Map> sections = (List<Map>) tree.get("sections");
        List<Map> level2 = children(sections);
        List<Map> level3 = children(level2);
        assertThat(sections).hasSize(8);
        assertThat(level2).hasSize(21);
        assertThat(level3).hasSize(59);
        assertThat(sections.get(0)).containsEntry("code", "一、").containsEntry("title", "中医药健康服务高质量发展工程");
        List<Map> tasks = level3.stream().flatMap(s -> ((List<Map>) s.get("tasks")).stream()).toList();
        assertThat(tasks).hasSize(94);
        Map<String, Long> leads = tasks.stream()
                .collect(Collectors.groupingBy(t -> (String) ((Map) t.get("leadUnit")).get("name"), Collectors.counting()));
        assertThat(leads).containsEntry("区卫生健康委", 62L).containsEntry("区市场监管局", 11L)
                .containsEntry("区卫生健康委（区疾控局）", 6L);
        Map first = tasks.stream().filter(t -> ((Number) t.get("number")).intValue() == 1).findFirst().orElseThrow();
        assertThat(((Map) first.get("leadUnit")).get("name")).isEqualTo("区发展改革委");
        assertThat((List<Map>) first.get("coUnits")).extracting(u -> u.get("name"))
                .containsExactly("区卫生健康委", "区财政局", "区规划自然资源局", "区住房城乡建委");

        List<Map> indicators = (List<Map>) tree.get("indicators");
        assertThat(indicators).hasSize(12).allSatisfy(indicator -> {
            assertThat(((Map) indicator.get("baseline")).get("year")).isEqualTo(2024);
            assertThat(((Map) indicator.get("target")).get("year")).isEqualTo(2027);
        });
        assertThat(indicators).filteredOn(i -> "RANGE".equals(((Map) i.get("target")).get("kind")))
                .extracting(i -> ((Map) i.get("target")).get("asWritten")).containsExactlyInAnyOrder("13—15", "4—6", "1—2");

        List<Map> imports = (List<Map>) tree.get("imports");
        assertThat(imports).hasSize(1);
        assertThat((Map) imports.get(0).get("file")).containsEntry("name", file)
                .containsEntry("size", content.length).containsEntry("sha256", FileBytes.sha256(content));
        assertThat(imports.get(0)).containsEntry("importedBy", "supervisor");
        assertThat((Map) imports.get(0).get("counts")).containsEntry("tasks", 94);
        assertThat((Map) tree.get("plan")).containsEntry("documentNumber", "大足府办发〔2024〕113号")
                .containsEntry("issueDate", "2024-11-27").containsEntry("status", "DRAFT");
    }

    @Test
    void a_dry_run_reports_the_same_and_changes_nothing() {
        byte[] content = sample("dazu-tcm-task-decomposition-2024.xlsx");
        int plans = plans().size();
        int units = units().size();

        ResponseEntity<Map> dry = upload(http, "supervisor", "dazu.xlsx", content, withDryRun(dazuPlan()));

        assertThat(dry.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(dry.getBody()).containsEntry("dryRun", true).containsEntry("imported", false)
                .containsEntry("planId", null).containsEntry("tasks", 94).containsEntry("level3Sections", 59);
        assertThat(plans()).hasSize(plans);
        assertThat(units()).hasSize(units);

        ResponseEntity<Map> real = upload(http, "supervisor", "dazu.xlsx", content, dazuPlan());
        Map<String, Object> expected = new HashMap<>(dry.getBody());
        Map<String, Object> actual = new HashMap<>(real.getBody());
        for (String differs : List.of("dryRun", "imported", "planId")) {
            expected.remove(differs);
            actual.remove(differs);
        }
        assertThat(actual).isEqualTo(expected);
        assertThat(plans()).hasSize(plans + 1);
    }

    @Test
    void each_unit_sees_the_tasks_it_leads_apart_from_those_it_helps_with() {
        ResponseEntity<Map> imported = upload(http, "supervisor", "dazu.csv", sample("dazu-tcm-task-decomposition-2024.csv"),
                dazuPlan());
        String planId = (String) imported.getBody().get("planId");
        Map<String, Map> byName = units().stream().collect(Collectors.toMap(u -> (String) u.get("name"), u -> u));
        assertThat(byName).containsKeys("区市场监管局", "区卫生健康委", "区科技局");
        // 区卫生健康委（区疾控局） is kept as written but linked to 区卫生健康委, as its alias
        assertThat(byName).doesNotContainKey("区卫生健康委（区疾控局）");
        assertThat((List<String>) byName.get("区卫生健康委").get("aliases")).contains("区卫生健康委（区疾控局）");

        Map market = tasksOf((String) byName.get("区市场监管局").get("unitId"));
        assertThat(inPlan(market, "lead", planId)).hasSize(11)
                .allSatisfy(t -> assertThat(((Map) t.get("leadUnit")).get("name")).isEqualTo("区市场监管局"));
        assertThat(inPlan(market, "co", planId)).isNotEmpty().allSatisfy(t -> assertThat((List<Map>) t.get("coUnits"))
                .extracting(u -> u.get("name")).contains("区市场监管局"));

        Map health = tasksOf((String) byName.get("区卫生健康委").get("unitId"));
        assertThat(inPlan(health, "lead", planId)).hasSize(62 + 6);
        assertThat(inPlan(health, "lead", planId).get(0).get("section")).isNotEqualTo("");

        assertThat(http.withBasicAuth("health", "duban").getForEntity("/api/units/unit-nobody/tasks", Map.class)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void a_unit_user_may_not_import_and_the_api_is_documented() {
        ResponseEntity<Map> refused = upload(http, "health", "dazu.csv", sample("dazu-tcm-task-decomposition-2024.csv"),
                dazuPlan());
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        ResponseEntity<Map> openApi = http.withBasicAuth("health", "duban").getForEntity("/v3/api-docs", Map.class);
        assertThat(openApi.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat((Map<String, Object>) openApi.getBody().get("paths"))
                .containsKeys("/api/plans", "/api/plans/imports", "/api/plans/{planId}/tree", "/api/units",
                        "/api/units/{unitId}/tasks");
    }

    static Map<String, String> withDryRun(Map<String, String> fields) {
        Map<String, String> copy = new LinkedHashMap<>(fields);
        copy.put("dryRun", "true");
        return copy;
    }

    private static List<Map> children(List<Map> sections) {
        List<Map> children = new ArrayList<>();
        sections.forEach(section -> children.addAll((List<Map>) section.get("children")));
        return children;
    }

    private static List<Map> inPlan(Map unitTasks, String which, String planId) {
        return ((List<Map>) unitTasks.get(which)).stream().filter(t -> planId.equals(t.get("planId"))).toList();
    }

    private Map tree(String planId) {
        return http.withBasicAuth("auditor", "duban").getForObject("/api/plans/" + planId + "/tree", Map.class);
    }

    private Map tasksOf(String unitId) {
        return http.withBasicAuth("health", "duban").getForObject("/api/units/" + unitId + "/tasks", Map.class);
    }

    List<Map> plans() {
        return List.of(http.withBasicAuth("auditor", "duban").getForObject("/api/plans", Map[].class));
    }

    List<Map> units() {
        return List.of(http.withBasicAuth("auditor", "duban").getForObject("/api/units", Map[].class));
    }
}
