package org.duban.app.evaluation.access;

import org.duban.app.support.DubanIntegrationTest;
import org.duban.app.support.PlanTrees;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.app.support.Uploads.publishedDazuPlan;

/**
 * A third-party evaluator's account from issue to end: the round's supervisor issues it (nobody else, and only for a
 * third party appointed to the round); it scores and reads its own round, is refused everything else (other rounds,
 * plans, tasks, inbox, audit, supervision, the round's results and documents), and once the round has ended is refused
 * the round too. Every read it made is in the audit trail.
 */
@DubanIntegrationTest
@SuppressWarnings({"rawtypes", "unchecked"})
class EvaluatorAccessIT {
    private static final String HEALTH = "区卫生健康委";

    @Autowired
    TestRestTemplate http;
    @LocalServerPort
    int port;

    @Test
    void an_evaluator_account_reaches_only_its_round_and_only_while_the_round_is_open() {
        String planId = publishedDazuPlan(http);
        Map tree = get("supervisor", "/api/plans/" + planId + "/tree").getBody();
        List<Map> health = PlanTrees.ledBy(tree, HEALTH);
        String h1 = (String) health.get(0).get("taskId");
        String h2 = (String) health.get(1).get("taskId");
        String thirdParty = "tp-" + UUID.randomUUID().toString().substring(0, 8);
        String round = "/api/evaluation/rounds/" + open(planId, List.of(h1, h2), List.of(
                Map.of("username", thirdParty, "displayName", "钱九", "kind", "THIRD_PARTY", "organisation", "重庆某评估咨询公司"),
                Map.of("username", "supervisor", "displayName", "王五", "kind", "SUPERVISOR_STAFF", "organisation", "区政府督查室")));
        String other = "/api/evaluation/rounds/" + open(planId, List.of(h1), List.of(
                Map.of("username", "supervisor", "displayName", "王五", "kind", "SUPERVISOR_STAFF", "organisation", "区政府督查室")));
        String issue = round + "/evaluators/" + thirdParty + "/password";

        // only the round's office issues, and only for a third party appointed to it
        for (String user : List.of("health", "citysupervisor", "auditor", "evaluator")) {
            assertThat(post(user, issue, Map.of()).getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(post("supervisor", round + "/evaluators/nobody/password", Map.of()).getBody())
                .containsEntry("code", "evaluator-account.not-appointed");
        assertThat(post("supervisor", round + "/evaluators/supervisor/password", Map.of()).getBody())
                .containsEntry("code", "evaluator-account.staff");
        assertThat(post("supervisor", "/api/evaluation/rounds/no-such-round/evaluators/x/password", Map.of())
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        String first = (String) post("supervisor", issue, Map.of()).getBody().get("password");
        ResponseEntity<Map> again = post("supervisor", issue, Map.of());
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        String password = (String) again.getBody().get("password");
        assertThat(password).hasSize(16).isNotEqualTo(first);
        assertThat(as(thirdParty, first, HttpMethod.GET, round, null).getStatusCode())
                .as("issuing again replaces the password").isEqualTo(HttpStatus.UNAUTHORIZED);

        // it reads its round and scores once scoring is open
        assertThat(as(thirdParty, password, HttpMethod.GET, round, null).getStatusCode()).isEqualTo(HttpStatus.OK);
        String healthId = (String) ((Map) ((List<Map>) get("supervisor", round).getBody().get("items")).get(0).get("unit"))
                .get("unitId");
        ok(post("health", round + "/self-assessments/" + healthId, Map.of("entries", List.of(h1, h2).stream()
                .map(item -> Map.of("itemId", item, "score", 85, "narrative", "按计划推进，佐证材料已上传。", "evidence", List.of()))
                .toList())));
        assertThat(as(thirdParty, password, HttpMethod.GET, round + "/sheet", null, List.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        ok(as(thirdParty, password, HttpMethod.POST, round + "/scores", Map.of("itemId", h1, "criterionScores",
                Map.of("completion", 90, "quality", 80, "timeliness", 100, "attainment", 70), "comment", "依据佐证材料评分")));

        // and nothing else, whatever the endpoint would say to an ordinary evaluator
        for (String outside : List.of(other, other + "/sheet", "/api/evaluation/rounds", "/api/plans", "/api/plans/" + planId
                        + "/tree", "/api/tasks/" + h1, "/api/inbox", "/api/audit/events", "/api/supervision/cases",
                round + "/results", round + "/score-sheet.xlsx", round + "/report.docx")) {
            assertThat(as(thirdParty, password, HttpMethod.GET, outside, null, String.class).getStatusCode()).as(outside)
                    .isEqualTo(HttpStatus.FORBIDDEN);
        }
        ResponseEntity<Map> refused = as(thirdParty, password, HttpMethod.GET, "/api/plans", null);
        assertThat(refused.getBody()).containsEntry("code", "evaluator-access.outside-round");
        for (String change : List.of(round + "/calibrations", round + "/publish", round + "/cancel", other + "/scores",
                round + "/self-assessment/close")) {
            assertThat(as(thirdParty, password, HttpMethod.POST, change, Map.of("reason", "x")).getStatusCode())
                    .as(change).isEqualTo(HttpStatus.FORBIDDEN);
        }
        // the pages, signed in through the form: its round's, and no other
        String page = "/evaluation/rounds" + round.substring("/api/evaluation/rounds".length());
        PageSession pages = new PageSession(port, thirdParty, password);
        assertThat(pages.get("/")).as("home is its round").isEqualTo(302);
        assertThat(pages.get(page)).isEqualTo(200);
        assertThat(pages.get(page + "/scoring")).isEqualTo(200);
        for (String outside : List.of("/inbox", "/plans", "/audit", page + "/results", "/evaluation/rounds",
                "/evaluation/rounds" + other.substring("/api/evaluation/rounds".length()))) {
            assertThat(pages.get(outside)).as(outside).isEqualTo(403);
        }

        // the round ends (cancelled here; closed after publication in EvaluationRoundIT): so does the account
        ok(post("supervisor", round + "/cancel", Map.of("reason", "评估方案调整，本轮撤销")));
        assertThat(pages.get(page)).isEqualTo(403);
        ResponseEntity<Map> ended = as(thirdParty, password, HttpMethod.GET, round, null);
        assertThat(ended.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(ended.getBody()).containsEntry("code", "evaluator-access.ended");
        assertThat(as(thirdParty, password, HttpMethod.POST, round + "/scores", Map.of("itemId", h2)).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post("supervisor", issue, Map.of()).getBody()).containsEntry("code", "evaluator-account.round-ended");

        // every read it made, and the issue of its account, are in the audit trail
        Map reads = get("auditor", "/api/audit/events?eventType=EvaluatorReadRecorded&actor=" + thirdParty).getBody();
        String trail = String.valueOf(reads);
        assertThat(trail).contains(round.substring(round.lastIndexOf('/') + 1)).contains(round + "/sheet")
                .contains(page + "/scoring").doesNotContain("/api/plans");
        assertThat(String.valueOf(get("auditor", "/api/audit/events?eventType=EvaluatorAccountIssued").getBody()))
                .contains(thirdParty).doesNotContain(password);
    }

    private String open(String planId, List<String> taskIds, List<Map<String, String>> evaluators) {
        Map<String, Object> opening = new LinkedHashMap<>();
        opening.put("planId", planId);
        opening.put("kind", "MID_TERM");
        opening.put("title", "中期评估");
        // deadlines ahead of today: the round waits in self-assessment until the unit has submitted
        LocalDate today = LocalDate.now();
        opening.put("cutOff", today.minusDays(1).toString());
        opening.put("scope", Map.of("taskIds", taskIds));
        opening.put("deadlines", Map.of("selfAssessmentDue", today.plusDays(30).toString(), "scoringDue",
                today.plusDays(40).toString(), "calibrationDue", today.plusDays(45).toString(), "publicationDue",
                today.plusDays(50).toString()));
        opening.put("blind", true);
        opening.put("evaluators", evaluators);
        ResponseEntity<Map> opened = post("supervisor", "/api/evaluation/rounds", opening);
        assertThat(opened.getStatusCode()).as(String.valueOf(opened.getBody())).isEqualTo(HttpStatus.CREATED);
        return (String) opened.getBody().get("roundId");
    }

    /** A browser's session: signed in through the login form (with its CSRF token), redirects not followed. */
    static final class PageSession {
        private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");
        private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        private final String base;

        PageSession(int port, String user, String password) {
            this.base = "http://localhost:" + port;
            Matcher token = CSRF.matcher(send(HttpRequest.newBuilder(URI.create(base + "/login")).GET()).body());
            assertThat(token.find()).as("the login form's CSRF token").isTrue();
            String csrf = token.group(1) != null ? token.group(1) : token.group(2);
            String form = "username=" + encode(user) + "&password=" + encode(password) + "&_csrf=" + encode(csrf);
            HttpResponse<String> signedIn = send(HttpRequest.newBuilder(URI.create(base + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)));
            assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
        }

        int get(String path) {
            return send(HttpRequest.newBuilder(URI.create(base + path)).GET()).statusCode();
        }

        private HttpResponse<String> send(HttpRequest.Builder request) {
            try {
                return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private static String encode(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }

    private static void ok(ResponseEntity<?> response) {
        assertThat(response.getStatusCode().is2xxSuccessful()).as(String.valueOf(response.getBody())).isTrue();
    }

    private ResponseEntity<Map> get(String user, String path) {
        return http.withBasicAuth(user, "duban").getForEntity(path, Map.class);
    }

    private ResponseEntity<Map> post(String user, String path, Map body) {
        return http.withBasicAuth(user, "duban").exchange(path, HttpMethod.POST, new HttpEntity<>(body), Map.class);
    }

    private ResponseEntity<Map> as(String user, String password, HttpMethod method, String path, Map body) {
        return as(user, password, method, path, body, Map.class);
    }

    private <T> ResponseEntity<T> as(String user, String password, HttpMethod method, String path, Map body, Class<T> type) {
        return http.withBasicAuth(user, password).exchange(path, method, body == null ? null : new HttpEntity<>(body), type);
    }
}
