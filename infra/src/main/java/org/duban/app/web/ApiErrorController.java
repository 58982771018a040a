package org.duban.app.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.duban.api.Limits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.autoconfigure.web.servlet.error.BasicErrorController;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * What the container answers itself, before or outside Spring MVC (a malformed multipart body or URL, an upload
 * over the servlet's limit, a path nothing serves, an exception that escaped every handler): under {@code /api/**}
 * a problem body saying what was wrong, never the container's empty answer, and never a 5xx for a request that only
 * lost a race. Pages keep Spring Boot's error page.
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
class ApiErrorController extends BasicErrorController {
    private static final Logger log = LoggerFactory.getLogger(ApiErrorController.class);

    ApiErrorController(ErrorAttributes errorAttributes, ServerProperties server,
                       ObjectProvider<ErrorViewResolver> resolvers) {
        super(errorAttributes, server.getError(), resolvers.orderedStream().toList());
    }

    @Override
    public ModelAndView errorHtml(HttpServletRequest request, HttpServletResponse response) {
        if (!Problems.api(originalPath(request))) {
            return super.errorHtml(request, response);
        }
        Map<String, Object> problem = problem(request, response);
        try {
            Problems.write(request, response, HttpStatus.valueOf((Integer) problem.get("status")),
                    (String) problem.get("detail"), Map.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return null;
    }

    @Override
    public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        if (!Problems.api(originalPath(request))) {
            return super.error(request);
        }
        HttpServletResponse response = RequestContextHolder
                .getRequestAttributes() instanceof ServletRequestAttributes
                servlet ? servlet.getResponse() : null;
        Map<String, Object> problem = problem(request, response);
        return ResponseEntity.status((Integer) problem.get("status")).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private Map<String, Object> problem(HttpServletRequest request, HttpServletResponse response) {
        HttpStatus status = getStatus(request);
        Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        String path = originalPath(request);
        String detail;
        if (failure != null && Races.lost(failure)) {
            status = HttpStatus.CONFLICT;
            detail = Races.changedMeanwhile(null, failure).getMessage();
        } else if (status == HttpStatus.PAYLOAD_TOO_LARGE || failure instanceof MaxUploadSizeExceededException) {
            status = HttpStatus.PAYLOAD_TOO_LARGE;
            detail = "the request is larger than the server accepts: a file up to the size named for its kind, and "
                    + "form fields and file names of at most " + Limits.FILE_NAME + " characters";
        } else if (status.is5xxServerError()) {
            String correlationId = response == null ? null : response.getHeader(CorrelationIdFilter.HEADER);
            log.error("request {} failed (correlation id {})", path, correlationId, failure);
            detail = "the request could not be completed" + (correlationId == null ? ""
                    : "; quote correlation id " + correlationId + " when reporting it");
        } else if (status == HttpStatus.NOT_FOUND) {
            detail = "nothing is served at " + path;
        } else if (status == HttpStatus.METHOD_NOT_ALLOWED) {
            detail = request.getAttribute(RequestDispatcher.ERROR_MESSAGE) instanceof String message
                    && !message.isBlank() ? message : "this method is not allowed here";
        } else {
            Object message = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
            detail = "the request is malformed (" + status.value() + " " + status.getReasonPhrase() + ")"
                    + (message instanceof String text && !text.isBlank() ? ": " + text : "");
        }
        return Problems.body(status, detail, path);
    }

    private static String originalPath(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return uri instanceof String path ? path : request.getRequestURI();
    }
}
