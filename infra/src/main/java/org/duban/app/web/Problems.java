package org.duban.app.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * RFC 9457 problem bodies written where Spring MVC's {@code ProblemDetail} handling does not reach: filters and the
 * container's error dispatch.
 */
public final class Problems {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Problems() {
    }

    /** Whether the request is one of the JSON API's, answered with problem bodies. */
    public static boolean api(String path) {
        return path != null && (path.equals("/api") || path.startsWith("/api/"));
    }

    public static Map<String, Object> body(HttpStatus status, String detail, String instance) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", detail);
        if (instance != null) {
            problem.put("instance", instance);
        }
        return problem;
    }

    public static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
                             String detail, Map<String, Object> more) throws IOException {
        Map<String, Object> problem = body(status, detail, request.getRequestURI());
        problem.putAll(more);
        response.resetBuffer();
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getOutputStream().write(JSON.writeValueAsBytes(problem));
        response.flushBuffer();
    }
}
