package org.duban.app.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.duban.app.plan.importing.UnitCells;
import org.duban.app.support.Clients;
import org.duban.app.support.Clients.Answer;
import org.duban.api.unit.UnitIds;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The data generator: a province of Dazu-shaped plans (districts × the Dazu decomposition's 94 tasks × monthly
 * periods × its units), put to work through the same HTTP API the offices use — imported, published, acknowledged
 * task by task by each task's lead unit, periods opened — so every event, view row and Camunda step is the real one.
 * One demo-style account per unit the table names ({@code u1}, {@code u2}, …, password {@code duban}).
 */
final class Province {
    static final String SUPERVISOR = "supervisor";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SAMPLE = "/samples/dazu-tcm-task-decomposition-2024.csv";
    static final int START_YEAR = 2024;
    static final int END_YEAR = 2027;

    /** A report of one task for one period, and the account of the unit that writes it. */
    record Report(String taskId, String period, String user) {
    }

    /** A task of a plan and the account of its lead unit (null when the unit has none). */
    record Task(String planId, String taskId, String user) {
    }

    private final String csv;
    /** unit name → account */
    final Map<String, String> accounts = new LinkedHashMap<>();
    /** unit id → account */
    private final Map<String, String> byUnitId = new LinkedHashMap<>();
    private static final java.util.regex.Pattern REMARK = java.util.regex.Pattern.compile("[（(][^（）()]*[）)]$");
    final List<String> planIds = new ArrayList<>();
    final List<Task> tasks = new ArrayList<>();
    final List<String> periods = new ArrayList<>();
    int tasksWithoutAccount;

    Province() throws IOException {
        try (InputStream in = Province.class.getResourceAsStream(SAMPLE)) {
            if (in == null) {
                throw new IllegalStateException("the Dazu sample " + SAMPLE + " is not on the class path");
            }
            csv = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Set<String> units = new LinkedHashSet<>();
        for (CSVRecord row : CSVFormat.DEFAULT.parse(new StringReader(csv))) {
            if (row.getRecordNumber() > 2 && row.size() > 4 && !row.get(4).isBlank()) {
                units.addAll(UnitCells.names(row.get(4)));
            }
        }
        for (String unit : units) {
            // a written form with a remark, 区卫生健康委（区疾控局）, is an alias: the unit is named without it
            for (String name : List.of(unit, REMARK.matcher(unit).replaceAll("").strip())) {
                if (!name.isEmpty() && !accounts.containsKey(name)) {
                    String user = "u" + (accounts.size() + 1);
                    accounts.put(name, user);
                    byUnitId.put(UnitIds.of(name), user);
                }
            }
        }
    }

    /** The accounts file given to the application: the demo's supervisor, administrator and auditor, and a unit user per unit. */
    Path accountsFile(Path dir) throws IOException {
        StringBuilder yaml = new StringBuilder("duban:\n  security:\n    accounts:\n");
        yaml.append("      - { username: admin, password: \"{noop}duban\", displayName: 系统管理员, role: ADMIN }\n");
        yaml.append("      - { username: supervisor, password: \"{noop}duban\", displayName: 王五, role: SUPERVISOR, unit: 区政府督查室 }\n");
        yaml.append("      - { username: auditor, password: \"{noop}duban\", displayName: 审计员, role: AUDITOR }\n");
        accounts.forEach((unit, user) -> yaml.append("      - { username: ").append(user)
                .append(", password: \"{noop}duban\", displayName: \"").append(unit).append("联络员\", role: UNIT_USER, unit: \"")
                .append(unit).append("\" }\n"));
        Files.createDirectories(dir);
        Path file = dir.resolve("benchmark-accounts.yml");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        return file;
    }

    /** The Dazu table as district {@code n}'s own decomposition. */
    byte[] districtFile(int n) {
        String title = csv.substring(0, csv.indexOf('\n'));
        return csv.replaceFirst(java.util.regex.Pattern.quote(title), "\uFEFF基准第" + n + "区中医药振兴发展任务分解")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Imports one district's plan; answers its id. */
    String importPlan(Clients clients, int n) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("title", "基准第" + n + "区贯彻落实中医药振兴发展规划实施方案任务分解");
        fields.put("documentNumber", "基准府办发〔2024〕" + n + "号");
        fields.put("issuer", "基准第" + n + "区人民政府办公室");
        fields.put("startYear", String.valueOf(START_YEAR));
        fields.put("endYear", String.valueOf(END_YEAR));
        Answer answer = clients.upload(SUPERVISOR, "/api/plans/imports", "district-" + n + ".csv", districtFile(n), fields);
        String planId = json(ok(answer, "import district " + n)).path("planId").asText();
        planIds.add(planId);
        return planId;
    }

    void publish(Clients clients, String planId) {
        ok(clients.send(SUPERVISOR, "POST", "/api/plans/" + planId + "/publication-request", null, null),
                "publication request");
        ok(clients.send(SUPERVISOR, "POST", "/api/plans/" + planId + "/publication-approval", null, null),
                "publication approval");
    }

    /** Reads the plan's tasks and their lead units from its tree. */
    List<Task> tasksOf(Clients clients, String planId) {
        JsonNode tree = json(ok(clients.send(SUPERVISOR, "GET", "/api/plans/" + planId + "/tree", null, null), "tree"));
        List<Task> found = new ArrayList<>();
        collect(tree.path("sections"), planId, found);
        for (JsonNode task : tree.path("unsectionedTasks")) {
            found.add(task(planId, task));
        }
        tasks.addAll(found);
        return found;
    }

    private void collect(JsonNode sections, String planId, List<Task> found) {
        for (JsonNode section : sections) {
            for (JsonNode task : section.path("tasks")) {
                found.add(task(planId, task));
            }
            collect(section.path("children"), planId, found);
        }
    }

    private Task task(String planId, JsonNode task) {
        String user = byUnitId.get(task.path("leadUnit").path("unitId").asText());
        if (user == null) {
            tasksWithoutAccount++;
        }
        return new Task(planId, task.path("taskId").asText(), user);
    }

    void acknowledge(Clients clients, Task task) {
        ok(clients.send(task.user(), "POST", "/api/tasks/" + task.taskId() + "/acknowledgement", null, null),
                "acknowledge " + task.taskId());
    }

    /** A monthly cadence and the given months opened: each acknowledged task gets a report process per month. */
    void openPeriods(Clients clients, String planId, int months) {
        ok(clients.sendJson(SUPERVISOR, "PUT", "/api/plans/" + planId + "/reporting-cadence",
                Map.of("cadence", "MONTHLY", "dueDay", 10, "graceWorkingDays", 3)), "cadence");
        if (periods.isEmpty()) {
            periods.addAll(org.duban.app.support.MonthlyPeriods.months(START_YEAR, END_YEAR, months));
        }
        for (String period : periods) {
            ok(clients.sendJson(SUPERVISOR, "POST", "/api/plans/" + planId + "/reporting-periods",
                    Map.of("period", period)), "open " + period);
        }
    }

    /** Every report waiting to be written, shuffled so that clients spread over plans and tasks. */
    ConcurrentLinkedQueue<Report> reports() {
        List<Report> all = new ArrayList<>();
        for (String period : periods) {
            for (Task task : tasks) {
                if (task.user() != null) {
                    all.add(new Report(task.taskId(), period, task.user()));
                }
            }
        }
        Collections.shuffle(all, new java.util.Random(16));
        return new ConcurrentLinkedQueue<>(all);
    }

    /** Submits a report as its lead unit would, with a narrative that names it. */
    static Answer submit(Clients clients, Report report) {
        return clients.sendJson(report.user(), "POST",
                "/api/tasks/" + report.taskId() + "/reports/" + report.period() + "/submission",
                Map.of("narrative", "本期完成主体工作（基准 " + report.taskId() + " " + report.period() + "）", "status",
                        "IN_PROGRESS", "percent", 60, "nextSteps", "继续推进", "evidence", List.of()));
    }

    static Answer ok(Answer answer, String what) {
        if (answer.status() / 100 != 2) {
            throw new IllegalStateException(what + ": " + answer);
        }
        return answer;
    }

    static JsonNode json(Answer answer) {
        try {
            return JSON.readTree(answer.body());
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + answer, e);
        }
    }

    static Duration since(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos);
    }
}
