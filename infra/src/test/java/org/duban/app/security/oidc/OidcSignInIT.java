package org.duban.app.security.oidc;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import org.duban.api.MetadataKeys;
import org.duban.app.support.Clients;
import org.duban.app.support.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ActiveProfilesResolver;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.app.support.PlanTrees.ledBy;
import static org.duban.app.support.Uploads.dazuPlan;

/**
 * Profile {@code oidc} against a real OpenID Connect provider started by the test (mock-oauth2-server, with its
 * interactive login form): a person signs in to the pages through the authorization code flow as a browser would,
 * bearer tokens reach their own unit's work and not another unit's or office's, a token whose claims stand for no
 * Duban user is refused naming the claim, and a token that is expired, signed with another key or of another issuer
 * is a 401. Everything the test sets up it does with the provider's tokens: the demo accounts do not sign in here;
 * a third-party evaluator's round-bound account still does, locally.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles(resolver = OidcSignInIT.WithOidc.class)
@ContextConfiguration(initializers = TestDatabases.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SuppressWarnings({"rawtypes", "unchecked"})
class OidcSignInIT {
    private static final String ISSUER = "duban";
    private static final String CLIENT = "duban";
    private static final String OFFICE = "区政府督查室";
    private static final String HEALTH = "区卫生健康委";
    private static final String OTHER_UNIT = "区发展改革委";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final MockOAuth2Server provider = started();

    /** The database profile {@link TestDatabases} chooses, and {@code oidc}. */
    static final class WithOidc implements ActiveProfilesResolver {
        @Override
        public String[] resolve(Class<?> testClass) {
            return Stream.concat(Arrays.stream(new TestDatabases().resolve(testClass)), Stream.of("oidc"))
                    .toArray(String[]::new);
        }
    }

    private static MockOAuth2Server started() {
        // interactive: the authorization endpoint shows a login form, as a real provider does
        MockOAuth2Server server = new MockOAuth2Server(new OAuth2Config(true));
        server.start();
        return server;
    }

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) {
        String issuer = provider.issuerUrl(ISSUER).toString();
        registry.add("spring.security.oauth2.client.provider.duban.issuer-uri", () -> issuer);
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> issuer);
        registry.add("spring.security.oauth2.client.registration.duban.client-id", () -> CLIENT);
        registry.add("spring.security.oauth2.client.registration.duban.client-secret", () -> "test-secret");
        registry.add("spring.security.oauth2.resourceserver.jwt.audiences", () -> CLIENT);
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    private Clients api;
    /** A task led by 区卫生健康委 and one led by 区发展改革委, of a plan 区政府督查室 supervises. */
    private String planId;
    private String healthTask;
    private String otherUnitsTask;

    @BeforeAll
    void aPlanImportedAndPublishedByTheDistrictOfficeWithItsToken() {
        api = new Clients(port);
        String supervisor = token("supervisor", "王五", "supervisor", OFFICE);
        String csv = """
                一级指标,二级指标,三级指标,具体任务,责任单位
                一、中药产业园区建设工程,（一）建设中药材交易市场,1.建设区级中药材交易市场,建成区级中药材交易市场1个。,区卫生健康委、区市场监管局
                "",,2.完善仓储物流,完善区级中药材仓储物流体系。,区发展改革委、区财政局
                """;
        Map<String, String> fields = new LinkedHashMap<>(dazuPlan());
        fields.put("title", "大足区中药产业园区建设任务分解（统一身份认证测试）");
        Clients.Answer imported = api.upload(null, "/api/plans/imports", "oidc.csv",
                csv.getBytes(StandardCharsets.UTF_8), fields, bearer(supervisor));
        assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
        planId = (String) imported.json().get("planId");
        assertThat(api.sendJson(null, "POST", "/api/plans/" + planId + "/publication-request", Map.of(),
                bearer(supervisor)).status()).isEqualTo(202);
        Clients.Answer published = api.sendJson(null, "POST", "/api/plans/" + planId + "/publication-approval",
                Map.of(), bearer(supervisor));
        assertThat(published.status()).as(published.toString()).isEqualTo(200);
        assertThat(published.json()).containsEntry("supervisingUnit", OFFICE);
        Map tree = api.send(null, "GET", "/api/plans/" + planId + "/tree", null, null, bearer(supervisor)).json();
        healthTask = (String) ledBy(tree, HEALTH).get(0).get("taskId");
        otherUnitsTask = (String) ledBy(tree, OTHER_UNIT).get(0).get("taskId");
    }

    @AfterAll
    void stopTheProvider() {
        provider.shutdown();
    }

    // (a) ------------------------------------------------------------------------------------------------------------

    @Test
    void a_person_signs_in_through_the_providers_login_page_and_the_start_page_shows_their_name_and_unit() {
        Browser browser = new Browser();
        HttpResponse<String> login = browser.get(app("/"));
        assertThat(login.uri().getPort()).as("the start page sends a stranger to the provider")
                .isEqualTo(provider.baseUrl().port());
        assertThat(login.uri().getPath()).isEqualTo("/" + ISSUER + "/authorize");
        assertThat(login.body()).contains("name=\"username\"");

        HttpResponse<String> home = browser.post(login.uri(), Map.of("username", "health",
                "claims", Clients.json(Map.of("preferred_username", "health", "name", "张三",
                        "duban_role", "unit_user", "duban_unit", HEALTH))));
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.uri().getPort()).isEqualTo(port);
        assertThat(home.uri().getPath()).isEqualTo("/");
        assertThat(home.body()).contains("张三（" + HEALTH + "）");
        // the unit's own work is there to open, as for a local account of the unit
        assertThat(browser.get(app("/tasks/" + healthTask)).statusCode()).isEqualTo(200);
        assertThat(browser.get(app("/tasks/" + otherUnitsTask)).statusCode()).isEqualTo(403);

        // sign-out ends the session here and at the provider (RP-initiated logout), then shows the sign-in page
        HttpResponse<String> signedOut = browser.post(app("/logout"), Map.of("_csrf", csrf(home.body())));
        assertThat(redirectsOf(signedOut)).anySatisfy(uri -> assertThat(uri.getPath()).isEqualTo("/" + ISSUER + "/endsession"));
        assertThat(signedOut.uri().getPort()).isEqualTo(port);
        assertThat(signedOut.uri().getPath()).isEqualTo("/login");
        assertThat(signedOut.body()).contains("您已退出");
        assertThat(browser.get(app("/")).uri().getPort()).as("signed out: the start page sends to the provider again")
                .isEqualTo(provider.baseUrl().port());
    }

    @Test
    void a_sign_in_whose_claims_stand_for_no_duban_user_ends_on_a_page_naming_the_claim_and_keeps_no_session() {
        Browser browser = new Browser();
        HttpResponse<String> login = browser.get(app("/"));
        HttpResponse<String> refused = browser.post(login.uri(), Map.of("username", "janitor",
                "claims", Clients.json(Map.of("name", "门卫", "duban_role", "janitor"))));
        assertThat(refused.uri().getPort()).isEqualTo(port);
        assertThat(refused.uri().getPath()).isEqualTo("/login");
        assertThat(refused.body()).contains("统一身份认证没有给出您在督办中的有效角色，因此无法登录。");
        assertThat(browser.get(app("/")).uri().getPort()).isEqualTo(provider.baseUrl().port());
    }

    // (b) ------------------------------------------------------------------------------------------------------------

    @Test
    void a_units_bearer_token_reads_and_acts_on_its_own_task_and_the_events_record_who_acted() {
        String health = token("health", "张三", "unit_user", HEALTH);
        Clients.Answer task = api.send(null, "GET", "/api/tasks/" + healthTask, null, null, bearer(health));
        assertThat(task.status()).as(task.toString()).isEqualTo(200);
        assertThat((Map) task.json().get("summary")).containsEntry("taskId", healthTask);

        Clients.Answer acknowledged = api.sendJson(null, "POST", "/api/tasks/" + healthTask + "/acknowledgement",
                Map.of(), bearer(health));
        assertThat(acknowledged.status()).as(acknowledged.toString()).isEqualTo(200);
        Map metadata = lastEventMetadata(healthTask);
        assertThat(metadata).containsEntry(MetadataKeys.ACTOR_USER, "health")
                .containsEntry(MetadataKeys.ACTOR_ROLE, "UNIT_USER").containsEntry(MetadataKeys.ACTOR_UNIT, HEALTH);
    }

    @Test
    void a_bearer_token_of_another_unit_or_another_office_is_refused_403() {
        String health = token("health", "张三", "unit_user", HEALTH);
        Clients.Answer otherUnit = api.send(null, "GET", "/api/tasks/" + otherUnitsTask, null, null, bearer(health));
        assertThat(otherUnit.status()).as(otherUnit.toString()).isEqualTo(403);
        assertThat(otherUnit.isProblem()).isTrue();

        String city = token("citysupervisor", "赵六", "supervisor", "市政府督查办");
        Clients.Answer otherOffice = api.send(null, "GET", "/api/tasks/" + healthTask, null, null, bearer(city));
        assertThat(otherOffice.status()).as(otherOffice.toString()).isEqualTo(403);
        assertThat(otherOffice.isProblem()).isTrue();
        // the office's own supervisor reads it
        assertThat(api.send(null, "GET", "/api/tasks/" + healthTask, null, null,
                bearer(token("supervisor", "王五", "supervisor", OFFICE))).status()).isEqualTo(200);
    }

    // (c) ------------------------------------------------------------------------------------------------------------

    @Test
    void a_token_without_a_role_or_with_an_unknown_role_or_unit_is_refused_403_naming_the_claim() {
        assertRefusedFor(claims("nobody", "无名", null, HEALTH), "duban_role");
        assertRefusedFor(claims("janitor", "门卫", "janitor", HEALTH), "duban_role");
        assertRefusedFor(claims("ghost", "无名", "unit_user", "不存在的单位"), "duban_unit");
        assertRefusedFor(claims("lonely", "无名", "supervisor", null), "duban_unit");
        assertRefusedFor(claims("robot", "系统", "system", null), "duban_role");
    }

    // (d) ------------------------------------------------------------------------------------------------------------

    @Test
    void an_expired_token_a_token_signed_with_another_key_or_of_another_issuer_or_audience_is_a_401() throws Exception {
        Map<String, Object> health = claims("health", "张三", "unit_user", HEALTH);
        String expired = provider.issueToken(ISSUER, "health", CLIENT, health, -3600).serialize();
        assertUnauthorized(expired);

        SignedJWT genuine = provider.issueToken(ISSUER, "health", CLIENT, health, 3600);
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(genuine.getHeader().getKeyID()).type(genuine.getHeader().getType()).build(),
                genuine.getJWTClaimsSet());
        forged.sign(new RSASSASigner(new RSAKeyGenerator(2048).generate()));
        assertUnauthorized(forged.serialize());

        assertUnauthorized(provider.issueToken("elsewhere", "health", CLIENT, health, 3600).serialize());
        assertUnauthorized(provider.issueToken(ISSUER, "health", "another-client", health, 3600).serialize());
        assertUnauthorized("not-a-token");
        // the genuine one passes, so each refusal above is for what was changed
        assertThat(api.send(null, "GET", "/api/tasks/" + healthTask, null, null,
                "Authorization", "Bearer " + genuine.serialize()).status()).isEqualTo(200);
    }

    @Test
    void the_configured_demo_accounts_do_not_sign_in_on_this_profile() {
        Clients.Answer basic = api.send("health", "GET", "/api/tasks/" + healthTask, null, null);
        assertThat(basic.status()).as(basic.toString()).isEqualTo(401);
        assertThat(basic.isProblem()).isTrue();
        assertThat(api.send(null, "GET", "/api/tasks/" + healthTask, null, null).status()).isEqualTo(401);
    }

    @Test
    void a_third_party_evaluators_round_account_still_signs_in_locally_and_reaches_only_its_round() {
        String supervisor = token("supervisor", "王五", "supervisor", OFFICE);
        String thirdParty = "tp-" + UUID.randomUUID().toString().substring(0, 8);
        LocalDate today = LocalDate.now();
        Map<String, Object> opening = new LinkedHashMap<>();
        opening.put("planId", planId);
        opening.put("kind", "MID_TERM");
        opening.put("title", "中期评估");
        opening.put("cutOff", today.minusDays(1).toString());
        opening.put("scope", Map.of("taskIds", List.of(healthTask)));
        opening.put("deadlines", Map.of("selfAssessmentDue", today.plusDays(30).toString(), "scoringDue",
                today.plusDays(40).toString(), "calibrationDue", today.plusDays(45).toString(), "publicationDue",
                today.plusDays(50).toString()));
        opening.put("blind", true);
        opening.put("evaluators", List.of(Map.of("username", thirdParty, "displayName", "钱九", "kind", "THIRD_PARTY",
                "organisation", "重庆某评估咨询公司")));
        Clients.Answer opened = api.sendJson(null, "POST", "/api/evaluation/rounds", opening, bearer(supervisor));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        String roundId = (String) opened.json().get("roundId");
        Clients.Answer issued = api.sendJson(null, "POST", "/api/evaluation/rounds/" + roundId + "/evaluators/"
                + thirdParty + "/password", Map.of(), bearer(supervisor));
        assertThat(issued.status()).as(issued.toString()).isEqualTo(200);
        String password = (String) issued.json().get("password");

        // the API with HTTP Basic: its round, and nothing else
        String basic = "Basic " + Base64.getEncoder().encodeToString((thirdParty + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
        assertThat(api.send(null, "GET", "/api/evaluation/rounds/" + roundId, null, null, "Authorization", basic)
                .status()).isEqualTo(200);
        assertThat(api.send(null, "GET", "/api/tasks/" + healthTask, null, null, "Authorization", basic).status())
                .isEqualTo(403);

        // the pages with the form on the sign-in page, which also offers the provider's sign-in
        Browser browser = new Browser();
        HttpResponse<String> page = browser.get(app("/login"));
        assertThat(page.body()).contains("/oauth2/authorization/duban").contains("第三方评估机构账号");
        HttpResponse<String> signedIn = browser.post(app("/login"), Map.of("username", thirdParty,
                "password", password, "_csrf", csrf(page.body())));
        assertThat(signedIn.statusCode()).isEqualTo(200);
        assertThat(signedIn.uri().getPath()).as("an evaluator's home is their round")
                .isEqualTo("/evaluation/rounds/" + roundId);
        assertThat(signedIn.body()).contains("钱九");
    }

    // ----------------------------------------------------------------------------------------------------------------

    private void assertRefusedFor(Map<String, Object> claims, String claim) {
        String token = provider.issueToken(ISSUER, (String) claims.get("preferred_username"), CLIENT, claims, 3600)
                .serialize();
        Clients.Answer refused = api.send(null, "GET", "/api/tasks/" + healthTask, null, null, bearer(token));
        assertThat(refused.status()).as(claims + " → " + refused).isEqualTo(403);
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.json()).containsEntry("claim", claim);
        assertThat((String) refused.json().get("detail")).contains(claim);
    }

    private void assertUnauthorized(String token) {
        Clients.Answer refused = api.send(null, "GET", "/api/tasks/" + healthTask, null, null, bearer(token));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(401);
        assertThat(refused.isProblem()).isTrue();
    }

    private static Map<String, Object> claims(String username, String name, String role, String unit) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("preferred_username", username);
        claims.put("name", name);
        if (role != null) {
            claims.put("duban_role", role);
        }
        if (unit != null) {
            claims.put("duban_unit", unit);
        }
        return claims;
    }

    /** An access token of the provider for this client, as it would issue one to the person. */
    private static String token(String username, String name, String role, String unit) {
        return provider.issueToken(ISSUER, username, CLIENT, claims(username, name, role, unit), 3600).serialize();
    }

    private static String[] bearer(String token) {
        return new String[]{"Authorization", "Bearer " + token};
    }

    private URI app(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private Map lastEventMetadata(String aggregateId) {
        byte[] metadata = jdbc.queryForList("select meta_data from domain_event_entry where aggregate_identifier = ?"
                + " order by sequence_number desc", byte[].class, aggregateId).get(0);
        try {
            return JSON.readValue(metadata, Map.class);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String csrf(String page) {
        Matcher token = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"")
                .matcher(page);
        assertThat(token.find()).as("the page's form carries a CSRF token").isTrue();
        return token.group(1) != null ? token.group(1) : token.group(2);
    }

    /** The URIs a response was redirected through, first to last. */
    private static List<URI> redirectsOf(HttpResponse<?> response) {
        List<URI> uris = new ArrayList<>();
        for (Optional<? extends HttpResponse<?>> previous = response.previousResponse(); previous.isPresent();
             previous = previous.get().previousResponse()) {
            uris.add(0, previous.get().uri());
        }
        return uris;
    }

    /** A browser as far as sign-in needs one: it keeps cookies and follows redirects. */
    private static final class Browser {
        private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(10)).build();

        HttpResponse<String> get(URI uri) {
            return send(HttpRequest.newBuilder(uri).GET());
        }

        HttpResponse<String> post(URI uri, Map<String, String> form) {
            String body = form.entrySet().stream().map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8)
                    + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
            return send(HttpRequest.newBuilder(uri).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
        }

        private HttpResponse<String> send(HttpRequest.Builder request) {
            try {
                return client.send(request.timeout(Duration.ofSeconds(60)).header("Accept-Language", "zh-CN").build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new AssertionError(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
