package org.duban.app.evaluation;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.axonframework.eventhandling.GenericEventMessage;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.duban.app.support.DubanIntegrationTest;
import org.duban.app.support.EngineClock;
import org.duban.app.support.PlanTrees;
import org.duban.process.WorkflowClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.app.support.Uploads.publishedDazuPlan;

/**
 * A mid-term evaluation round run through the whole application on the Dazu plan, as the issue describes it: two
 * units (区卫生健康委 with two tasks, 区市场监管局 with one), a third-party evaluator whose account is made for the round,
 * and the office's supervisor, who scores too. The round judges the record as of its cut-off: a report accepted after
 * it changes nothing. The evaluators differ on one item, which is reconciled; a calibration brings one item to 差, which
 * opens a supervision notice on publication. The published ranking is checked against the hand calculation below, the
 * third party is refused everything outside the round and, once the round is closed, the round itself.
 */
@DubanIntegrationTest
@SuppressWarnings({"rawtypes", "unchecked"})
class EvaluationRoundIT {
    private static final String HEALTH = "区卫生健康委";
    private static final String MARKET = "区市场监管局";
    private static final Clock EVENT_CLOCK = Clock.tickMillis(ZoneOffset.UTC);
    private static final LocalDate CUT_OFF = LocalDate.of(2026, 6, 30);

    @Autowired
    TestRestTemplate http;
    @Autowired
    ManagementService management;

    @AfterEach
    void resetClocks() {
        GenericEventMessage.clock = EVENT_CLOCK;
        EngineClock.resetAndSettle(management);
    }

    @Test
    void a_mid_term_round_on_the_dazu_plan_from_opening_to_published_results_and_their_use() throws IOException {
        // June 2026, before the cut-off: the plan is at work; health's first task has its first quarter accepted at 40%
        // and its second quarter submitted at 80%
        at(LocalDate.of(2026, 6, 10));
        String planId = publishedDazuPlan(http);
        Map tree = get("supervisor", "/api/plans/" + planId + "/tree").getBody();
        List<Map> health = PlanTrees.ledBy(tree, HEALTH);
        String h1 = (String) health.get(0).get("taskId");
        String h2 = (String) health.get(1).get("taskId");
        String m1 = (String) PlanTrees.ledBy(tree, MARKET).get(0).get("taskId");
        ok(post("health", "/api/tasks/" + h1 + "/acknowledgement", Map.of()));
        ok(exchange("supervisor", HttpMethod.PUT, "/api/plans/" + planId + "/reporting-cadence", Map.of("cadence", "QUARTERLY")));
        ok(post("supervisor", "/api/plans/" + planId + "/reporting-periods", Map.of("period", "2026-Q1")));
        ok(post("supervisor", "/api/plans/" + planId + "/reporting-periods", Map.of("period", "2026-Q2")));
        ok(post("health", "/api/tasks/" + h1 + "/reports/2026-Q1/submission", report("一季度完成中医馆选址。", 40)));
        ok(post("supervisor", "/api/tasks/" + h1 + "/reports/2026-Q1/review", Map.of("accepted", true, "reason", "")));
        ok(post("health", "/api/tasks/" + h1 + "/reports/2026-Q2/submission", report("二季度主体工程完工。", 80)));

        // 1 July: the supervisor opens the mid-term round on three tasks of the two units, blind, with a third party
        at(LocalDate.of(2026, 7, 1));
        String thirdParty = "pg-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> opening = new LinkedHashMap<>();
        opening.put("planId", planId);
        opening.put("kind", "MID_TERM");
        opening.put("title", "“十四五”中医药发展规划中期评估");
        opening.put("cutOff", CUT_OFF.toString());
        opening.put("scope", Map.of("taskIds", List.of(h1, h2, m1)));
        opening.put("deadlines", Map.of("selfAssessmentDue", "2026-07-10", "scoringDue", "2026-07-20",
                "calibrationDue", "2026-07-25", "publicationDue", "2026-07-31"));
        opening.put("blind", true);
        opening.put("evaluators", List.of(
                Map.of("username", thirdParty, "displayName", "钱九", "kind", "THIRD_PARTY", "organisation", "重庆某评估咨询公司"),
                Map.of("username", "supervisor", "displayName", "王五", "kind", "SUPERVISOR_STAFF", "organisation", "区政府督查室")));
        assertThat(post("citysupervisor", "/api/evaluation/rounds", opening).getStatusCode())
                .as("another office's supervisor").isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<Map> opened = post("supervisor", "/api/evaluation/rounds", opening);
        assertThat(opened.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String roundId = (String) opened.getBody().get("roundId");
        String round = "/api/evaluation/rounds/" + roundId;
        Map issued = post("supervisor", round + "/evaluators/" + thirdParty + "/password", Map.of()).getBody();
        String password = (String) issued.get("password");
        assertThat(password).isNotBlank();

        // a report accepted after the cut-off: the live task moves on, the round does not
        ok(post("supervisor", "/api/tasks/" + h1 + "/reports/2026-Q2/review", Map.of("accepted", true, "reason", "")));

        // the units assess themselves, each only its own items
        assertThat(post("market", round + "/self-assessments/" + unitOf(round, m1), selfAssessment(Map.of(h1, 90)))
                .getStatusCode()).as("market may not assess health's task").isIn(HttpStatus.FORBIDDEN, HttpStatus.CONFLICT,
                        HttpStatus.BAD_REQUEST);
        ok(post("health", round + "/self-assessments/" + unitOf(round, h1), selfAssessment(Map.of(h1, 90, h2, 80))));
        ok(post("market", round + "/self-assessments/" + unitOf(round, m1), selfAssessment(Map.of(m1, 85))));
        assertThat(phase(round)).isEqualTo("SCORING");

        // the third party reads its round and nothing else
        assertThat(as(thirdParty, password, HttpMethod.GET, round, null).getStatusCode()).isEqualTo(HttpStatus.OK);
        for (String outside : List.of("/api/plans/" + planId + "/tree", "/api/tasks/" + h1, "/api/plans",
                "/api/audit/events", "/api/inbox", "/api/supervision/cases")) {
            assertThat(as(thirdParty, password, HttpMethod.GET, outside, null).getStatusCode()).as(outside)
                    .isEqualTo(HttpStatus.FORBIDDEN);
        }

        // scoring (standard scheme: 完成情况 40, 质量成效 30, 及时性 15, 指标达成 15)
        ok(as(thirdParty, password, HttpMethod.POST, round + "/scores", score(h1, 90, 80, 100, 70)));  // 85.50
        ok(as(thirdParty, password, HttpMethod.POST, round + "/scores", score(h2, 70, 60, 80, 60)));   // 67.00
        ok(as(thirdParty, password, HttpMethod.POST, round + "/scores", score(m1, 60, 70, 50, 60)));   // 61.50
        ok(post("supervisor", round + "/scores", score(h1, 80, 80, 90, 80)));                            // 81.50
        ok(post("supervisor", round + "/scores", score(h2, 60, 60, 60, 60)));                            // 60.00
        ok(post("supervisor", round + "/scores", score(m1, 90, 90, 90, 90)));                            // 90.00
        // blind: the third party sees its own scores only
        List<Map> sheet = List.of(as(thirdParty, password, HttpMethod.GET, round + "/sheet", null, Map[].class).getBody());
        assertThat(sheet).hasSize(3).allSatisfy(row -> assertThat((List<Map>) row.get("scores"))
                .extracting(s -> s.get("evaluator")).containsOnly(thirdParty));
        ok(as(thirdParty, password, HttpMethod.POST, round + "/scoring/complete", Map.of()));
        ok(post("supervisor", round + "/scoring/complete", Map.of()));

        // m1 differs by 28.50 points, more than the threshold of 15: it is reconciled before calibration
        assertThat(phase(round)).isEqualTo("RECONCILIATION");
        assertThat((List<String>) get("supervisor", round).getBody().get("divergentItems")).containsExactly(m1);
        ok(post("supervisor", round + "/reconciliations", Map.of("itemId", m1, "score", 75, "reason", "经复核，取两方意见折中")));
        ok(post("supervisor", round + "/reconciliation/complete", Map.of()));
        assertThat(phase(round)).isEqualTo("CALIBRATION");
        // h2 (mean 63.50) is calibrated down to 55: 差
        ok(post("supervisor", round + "/calibrations", Map.of("itemId", h2, "after", 55, "reason", "项目未开工，佐证不足")));
        List<Map> calibrated = List.of(get("supervisor", round + "/sheet", Map[].class).getBody());
        Map h2Row = calibrated.stream().filter(row -> h2.equals(((Map) row.get("item")).get("itemId"))).findFirst().orElseThrow();
        assertThat((List<Map>) h2Row.get("calibrations")).singleElement().satisfies(c -> {
            assertThat(decimal(c.get("before"))).isEqualByComparingTo("63.50");
            assertThat(decimal(c.get("after"))).isEqualByComparingTo("55");
            assertThat(c.get("reason")).isEqualTo("项目未开工，佐证不足");
        });
        ok(post("supervisor", round + "/calibration/finish", Map.of()));
        ok(post("supervisor", round + "/publish", Map.of()));
        assertThat(phase(round)).isEqualTo("PUBLISHED");

        // the hand calculation: h1 = (85.50 + 81.50) / 2 = 83.50 (良); h2 calibrated 55.00 (差); m1 reconciled 75.00 (良);
        // 区卫生健康委 = (83.50 + 55.00) / 2 = 69.25 (中), 区市场监管局 = 75.00 (良): 市场监管局 first, 卫生健康委 second
        Map results = get("supervisor", round + "/results").getBody();
        Map<String, Map> items = new HashMap<>();
        ((List<Map>) results.get("items")).forEach(item -> items.put((String) item.get("itemId"), item));
        assertThat(decimal(items.get(h1).get("score"))).isEqualByComparingTo("83.50");
        assertThat(items.get(h1).get("grade")).isEqualTo("GOOD");
        assertThat(decimal(items.get(h2).get("score"))).isEqualByComparingTo("55.00");
        assertThat(items.get(h2).get("grade")).isEqualTo("POOR");
        assertThat(decimal(items.get(m1).get("score"))).isEqualByComparingTo("75.00");
        List<Map> units = (List<Map>) results.get("units");
        assertThat(units).extracting(u -> ((Map) u.get("unit")).get("name"), u -> u.get("rank"), u -> u.get("grade"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple(MARKET, 1, "GOOD"),
                        org.assertj.core.groups.Tuple.tuple(HEALTH, 2, "FAIR"));
        assertThat(decimal(units.get(0).get("score"))).isEqualByComparingTo("75.00");
        assertThat(decimal(units.get(1).get("score"))).isEqualByComparingTo("69.25");

        // as of the cut-off, h1 had one report accepted, at 40%; the live task has two, at 80%
        Map h1Fact = ((List<Map>) results.get("facts")).stream().filter(f -> h1.equals(f.get("itemId"))).findFirst().orElseThrow();
        assertThat(h1Fact.get("reportsAccepted")).isEqualTo(1);
        assertThat(h1Fact.get("percentComplete")).isEqualTo(40);

        // use of results: the low score opened a supervision notice on h2
        List<Map> cases = List.of(get("supervisor", "/api/supervision/cases?taskId=" + h2, Map[].class).getBody());
        assertThat(cases).singleElement().satisfies(c -> assertThat(c).containsEntry("trigger", "EVALUATION"));

        // use of results: the supervisor sends h2 into the adjustment process; an item outside the round is a 400
        assertThat(post("supervisor", round + "/adjustments", Map.of("itemId", "no-such-item", "kind", "TEXT",
                "proposal", "x", "reason", "y")).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        ResponseEntity<Map> proposed = post("supervisor", round + "/adjustments", Map.of("itemId", h2, "kind", "TEXT",
                "proposal", "分两期建设，2027年完成一期工程。", "reason", "中期评估为差，按评估意见调整"));
        assertThat(proposed.getStatusCode()).as(String.valueOf(proposed.getBody())).isEqualTo(HttpStatus.CREATED);
        assertThat(get("supervisor", "/api/tasks/" + h2 + "/adjustments").getBody().toString())
                .contains((String) proposed.getBody().get("adjustmentId")).contains("分两期建设");

        // the outputs: one row of the score sheet per scored item; the report opens with the usual headings
        byte[] xlsx = get("supervisor", round + "/score-sheet.xlsx", byte[].class).getBody();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(workbook.getSheetAt(0).getLastRowNum()).as("a header row and three items").isEqualTo(3);
        }
        byte[] docx = get("supervisor", round + "/report.docx", byte[].class).getBody();
        try (XWPFDocument report = new XWPFDocument(new ByteArrayInputStream(docx))) {
            List<String> headings = report.getParagraphs().stream()
                    .filter(p -> p.getStyle() != null && p.getStyle().toLowerCase().contains("heading"))
                    .map(XWPFParagraph::getText).toList();
            assertThat(headings).anyMatch(h -> h.startsWith("一、总体进展")).anyMatch(h -> h.startsWith("五、下一步工作"));
        }

        // the supervisor follows up and closes the round: the third party's access has ended
        ok(post("supervisor", round + "/close", Map.of()));
        assertThat(as(thirdParty, password, HttpMethod.GET, round, null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as(thirdParty, password, HttpMethod.GET, round + "/results", null).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);

        // every read the third party made is in the audit trail
        Map trail = get("auditor", "/api/audit/events?eventType=EvaluatorReadRecorded&actor=" + thirdParty).getBody();
        assertThat(trail.toString()).contains(roundId).contains("/sheet");
    }

    /** Both clocks, the engine's and the events' time stamps, at 10:00 on the day in Shanghai. */
    private static void at(LocalDate day) {
        Instant moment = WorkflowClock.startOf(day).toInstant().plus(Duration.ofHours(10));
        ClockUtil.setCurrentTime(java.util.Date.from(moment));
        GenericEventMessage.clock = Clock.offset(EVENT_CLOCK, Duration.between(Instant.now(), moment));
    }

    private String phase(String round) {
        return (String) ((Map) get("supervisor", round).getBody().get("summary")).get("phase");
    }

    private String unitOf(String round, String itemId) {
        return ((List<Map>) get("supervisor", round).getBody().get("items")).stream()
                .filter(item -> itemId.equals(item.get("itemId"))).map(item -> (String) ((Map) item.get("unit")).get("unitId"))
                .findFirst().orElseThrow();
    }

    private static Map<String, Object> report(String narrative, int percent) {
        Map<String, Object> content = new HashMap<>();
        content.put("narrative", narrative);
        content.put("status", "IN_PROGRESS");
        content.put("percent", percent);
        content.put("indicatorValues", List.of());
        content.put("evidence", List.of());
        return content;
    }

    private static Map<String, Object> selfAssessment(Map<String, Integer> scores) {
        return Map.of("entries", scores.entrySet().stream().map(e -> Map.of("itemId", e.getKey(), "score", e.getValue(),
                "narrative", "按计划推进，佐证材料已上传。", "evidence", List.of())).toList());
    }

    private static Map<String, Object> score(String itemId, int completion, int quality, int timeliness, int attainment) {
        return Map.of("itemId", itemId, "criterionScores", Map.of("completion", completion, "quality", quality,
                "timeliness", timeliness, "attainment", attainment), "comment", "依据自评和佐证材料评分");
    }

    private static BigDecimal decimal(Object number) {
        return new BigDecimal(String.valueOf(number));
    }

    private static void ok(ResponseEntity<?> response) {
        assertThat(response.getStatusCode().is2xxSuccessful()).as(String.valueOf(response.getBody())).isTrue();
    }

    private ResponseEntity<Map> get(String user, String path) {
        return get(user, path, Map.class);
    }

    private <T> ResponseEntity<T> get(String user, String path, Class<T> type) {
        return http.withBasicAuth(user, "duban").getForEntity(path, type);
    }

    private ResponseEntity<Map> post(String user, String path, Map body) {
        return exchange(user, HttpMethod.POST, path, body);
    }

    private ResponseEntity<Map> exchange(String user, HttpMethod method, String path, Map body) {
        return http.withBasicAuth(user, "duban").exchange(path, method, new HttpEntity<>(body), Map.class);
    }

    private ResponseEntity<Map> as(String user, String password, HttpMethod method, String path, Map body) {
        return as(user, password, method, path, body, Map.class);
    }

    private <T> ResponseEntity<T> as(String user, String password, HttpMethod method, String path, Map body, Class<T> type) {
        return http.withBasicAuth(user, password).exchange(path, method, body == null ? null : new HttpEntity<>(body), type);
    }
}
