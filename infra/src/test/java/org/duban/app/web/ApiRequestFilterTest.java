package org.duban.app.web;

import jakarta.servlet.FilterChain;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/** Which changes the API filter lets through: JSON (or the file an endpoint takes) from the request's own origin. */
class ApiRequestFilterTest {
    private final ApiRequestFilter filter = new ApiRequestFilter();

    @Test
    void json_from_the_same_origin_or_with_no_origin_passes() throws Exception {
        assertThat(status(post("/api/plans", "application/json", "{}"))).isEqualTo(200);
        assertThat(status(post("/api/plans", "application/json;charset=UTF-8", "{}"))).isEqualTo(200);
        assertThat(status(post("/api/plans", "application/merge-patch+json", "{}"))).isEqualTo(200);
        MockHttpServletRequest sameOrigin = post("/api/plans", "application/json", "{}");
        sameOrigin.addHeader("Origin", "http://localhost:8080");
        sameOrigin.addHeader("Sec-Fetch-Site", "same-origin");
        assertThat(status(sameOrigin)).isEqualTo(200);
    }

    @Test
    void a_default_port_is_the_same_origin_whether_written_or_not() throws Exception {
        MockHttpServletRequest request = post("/api/plans", "application/json", "{}");
        request.setServerPort(80);
        request.addHeader("Origin", "http://LOCALHOST");
        assertThat(status(request)).isEqualTo(200);
    }

    @Test
    void another_origin_or_a_cross_site_fetch_is_403() throws Exception {
        for (String origin : new String[]{"http://evil.example", "https://localhost:8080", "http://localhost:8081",
                "null", "not a uri"}) {
            MockHttpServletRequest request = post("/api/plans", "application/json", "{}");
            request.addHeader("Origin", origin);
            MockHttpServletResponse response = run(request);
            assertThat(response.getStatus()).as(origin).isEqualTo(403);
            assertThat(response.getContentType()).startsWith("application/problem+json");
            assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains("\"code\":\"cross-site\"");
        }
        MockHttpServletRequest fetched = post("/api/plans", "application/json", "{}");
        fetched.addHeader("Sec-Fetch-Site", "cross-site");
        assertThat(status(fetched)).isEqualTo(403);
    }

    @Test
    void other_media_types_are_415_naming_what_is_accepted() throws Exception {
        MockHttpServletResponse form = run(post("/api/tasks/t/acknowledgement", "application/x-www-form-urlencoded",
                "a=b"));
        assertThat(form.getStatus()).isEqualTo(415);
        assertThat(form.getContentAsString(StandardCharsets.UTF_8)).contains("application/json")
                .contains("\"accepted\":[\"application/json\"]");
        assertThat(status(post("/api/plans", "text/plain", "{}"))).isEqualTo(415);
        assertThat(status(post("/api/plans", "multipart/form-data; boundary=x", "--x--"))).isEqualTo(415);
        assertThat(status(post("/api/plans", "not/a type;;", "{}"))).isEqualTo(415);
        assertThat(status(post("/api/plans", null, "{}"))).isEqualTo(415);
        MockHttpServletRequest calendarAsJson = post("/api/calendar/2028", "application/json", "{}");
        calendarAsJson.setMethod("PUT");
        assertThat(run(calendarAsJson).getContentAsString(StandardCharsets.UTF_8)).contains("text/csv");
        MockHttpServletRequest calendar = post("/api/calendar/2028", "text/csv; charset=UTF-8", "date,kind,name\n");
        calendar.setMethod("PUT");
        assertThat(status(calendar)).isEqualTo(200);
        assertThat(run(post("/api/evidence", "application/json", "{}")).getContentAsString(StandardCharsets.UTF_8))
                .contains("multipart/form-data");
    }

    @Test
    void a_bodiless_post_needs_no_type_and_reads_and_pages_are_not_filtered() throws Exception {
        MockHttpServletRequest bodiless = new MockHttpServletRequest("POST", "/api/plans/p/publication-request");
        assertThat(status(bodiless)).isEqualTo(200);
        MockHttpServletRequest read = new MockHttpServletRequest("GET", "/api/plans");
        read.addHeader("Origin", "http://evil.example");
        assertThat(status(read)).isEqualTo(200);
        MockHttpServletRequest page = post("/tasks/t/acknowledgement", "application/x-www-form-urlencoded", "a=b");
        assertThat(status(page)).isEqualTo(200);
    }

    private static MockHttpServletRequest post(String path, String contentType, String body) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
        request.setServerName("localhost");
        request.setServerPort(8080);
        if (contentType != null) {
            request.setContentType(contentType);
        }
        request.setContent(body.getBytes(StandardCharsets.UTF_8));
        return request;
    }

    private int status(MockHttpServletRequest request) throws Exception {
        return run(request).getStatus();
    }

    private MockHttpServletResponse run(MockHttpServletRequest request) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        AtomicBoolean passed = new AtomicBoolean();
        FilterChain chain = (req, res) -> passed.set(true);
        filter.doFilter(request, response, chain);
        assertThat(passed.get()).isEqualTo(response.getStatus() == 200);
        return response;
    }
}
