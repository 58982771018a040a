package org.duban.app.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;

import java.io.IOException;
import java.io.Writer;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What Tomcat answers itself before the application sees a request (a malformed URL, a bad {@code Content-Length},
 * headers over the limit): under {@code /api} a problem body instead of Tomcat's HTML page; elsewhere Tomcat's page
 * without its server information.
 */
class ProblemErrorReportValve extends ErrorReportValve {
    private static final ObjectMapper JSON =
            new ObjectMapper();

    ProblemErrorReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        String path = request.getRequestURI();
        if (!Problems.api(path)) {
            super.report(request, response, throwable);
            return;
        }
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean writable = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, writable);
        if (!writable.get()) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        String message = response.getMessage();
        String detail = (known != null && known.is5xxServerError() ? "the request could not be completed"
                : "the request is malformed") + (message == null || message.isBlank() ? "" : ": " + message);
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                Map<String, Object> problem = Problems.body(known != null ? known : HttpStatus.BAD_REQUEST,
                        detail, path);
                problem.put("status", status);
                writer.write(JSON.writeValueAsString(problem));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response cannot be written any more: nothing left to tell
        }
    }
}
