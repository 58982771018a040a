package org.duban.app.querynode;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Profile;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Set;

/**
 * A query node changes nothing: a request that would (any method but GET, HEAD, OPTIONS) is answered 405 with a
 * problem saying this node serves reads and where changes go, before it reaches a controller.
 */
@Component
@Profile("query")
class ReadOnlyNodeFilter extends OncePerRequestFilter {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    private final MessageSource messages;
    private final ObjectMapper json;
    private final String commandNode;

    ReadOnlyNodeFilter(MessageSource messages, ObjectMapper json,
                       @Value("${duban.query-node.command-node-url:}") String commandNode) {
        this.messages = messages;
        this.json = json;
        this.commandNode = commandNode;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (READS.contains(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        String where = commandNode.isBlank()
                ? messages.getMessage("querynode.readOnly.anyCommandNode", null, LocaleContextHolder.getLocale())
                : commandNode;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.METHOD_NOT_ALLOWED,
                messages.getMessage("querynode.readOnly", new Object[]{where}, LocaleContextHolder.getLocale()));
        problem.setProperty("commandNode", commandNode.isBlank() ? null : commandNode);
        response.setStatus(HttpStatus.METHOD_NOT_ALLOWED.value());
        response.setHeader("Allow", "GET, HEAD, OPTIONS");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}
