package org.duban.app.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.duban.api.Limits;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the JSON API takes as a change: only the media types a browser cannot send cross-site without asking first
 * ({@code application/json}), and multipart uploads and CSV where an endpoint takes a file; a bodiless POST may
 * carry no type at all. A browser's cross-site request ({@code Origin} other than the request's own, or
 * {@code Sec-Fetch-Site: cross-site}) changes nothing, whatever it carries: Basic credentials a browser remembers
 * must not let another site's form act for the user. Reads are not limited.
 */
public class ApiRequestFilter extends OncePerRequestFilter {
    private static final Set<String> CHANGES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final List<Pattern> UPLOADS = List.of(Pattern.compile("/api/evidence/?"),
            Pattern.compile("/api/plans/imports/?"));
    private static final Pattern CALENDAR_YEAR = Pattern.compile("/api/calendar/[^/]+/?");
    private static final String CSV = "text/csv";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !CHANGES.contains(request.getMethod()) || !Problems.api(pathOf(request));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String foreign = foreignOrigin(request);
        if (foreign != null) {
            Problems.write(request, response, HttpStatus.FORBIDDEN, "cross-site requests may not change anything: "
                    + foreign, Map.of("code", "cross-site"));
            return;
        }
        List<String> accepted = accepted(request);
        String type = request.getContentType();
        if (type == null || type.isBlank()) {
            if (!hasBody(request)) {
                chain.doFilter(request, response);
                return;
            }
        } else if (acceptable(type, accepted)) {
            if (!MediaType.MULTIPART_FORM_DATA_VALUE.equals(accepted.get(0)) || readable(request, response)) {
                chain.doFilter(request, response);
            }
            return;
        }
        Problems.write(request, response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Content-Type "
                + (type == null || type.isBlank() ? "missing" : "\"" + type + "\"") + " is not accepted by "
                + request.getMethod() + " " + pathOf(request) + "; send " + String.join(" or ", accepted),
                Map.of("code", "media-type", "accepted", accepted));
    }

    /**
     * Parses an upload here, where a failure can still be answered with a problem body: the container's own answer to
     * a part it cannot take (a file name past the bound on a part's headers, a truncated body) is an empty 413 or 400.
     */
    private static boolean readable(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            request.getParts();
            return true;
        } catch (RuntimeException e) {
            if (e.getClass().getName().endsWith("InvalidFileNameException")) {
                Problems.write(request, response, HttpStatus.BAD_REQUEST, ApiErrors.NUL_IN_FILE_NAME,
                        Map.of("code", "upload.file-name"));
                return false;
            }
            if (!(e instanceof IllegalStateException)) {
                throw e;
            }
            return unreadable(request, response, e);
        } catch (IOException | ServletException e) {
            return unreadable(request, response, e);
        }
    }

    /** Tomcat's refusal of an upload (too large, a part's headers past their bound, truncated) as a problem. */
    private static boolean unreadable(HttpServletRequest request, HttpServletResponse response, Exception e)
            throws IOException {
        boolean tooLarge = false;
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            tooLarge |= cause.getClass().getName().contains("SizeException")
                    || cause.getClass().getName().contains("SizeLimitExceeded")
                    || String.valueOf(cause.getMessage()).contains("Header section has more than");
        }
        Problems.write(request, response, tooLarge ? HttpStatus.PAYLOAD_TOO_LARGE : HttpStatus.BAD_REQUEST,
                tooLarge ? "the upload is larger than the server accepts: a file name may have at most "
                        + Limits.FILE_NAME + " characters, and a file the size named for its kind"
                        : "the upload is not a complete multipart/form-data request",
                Map.of("code", tooLarge ? "upload.too-large" : "upload.malformed"));
        return false;
    }

    /** Why the request comes from another site, or null when it does not. */
    private static String foreignOrigin(HttpServletRequest request) {
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        if (fetchSite != null && fetchSite.trim().equalsIgnoreCase("cross-site")) {
            return "Sec-Fetch-Site is cross-site";
        }
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return null;
        }
        if (!sameOrigin(origin.trim(), request)) {
            return "Origin " + origin.trim() + " is not " + ownOrigin(request);
        }
        return null;
    }

    private static boolean sameOrigin(String origin, HttpServletRequest request) {
        try {
            URI uri = URI.create(origin);
            if (uri.getScheme() == null || uri.getHost() == null) {
                return false;
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            int port = uri.getPort() != -1 ? uri.getPort() : defaultPort(scheme);
            return scheme.equalsIgnoreCase(request.getScheme()) && uri.getHost().equalsIgnoreCase(request.getServerName())
                    && port == request.getServerPort();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String ownOrigin(HttpServletRequest request) {
        String scheme = request.getScheme().toLowerCase(Locale.ROOT);
        return scheme + "://" + request.getServerName()
                + (request.getServerPort() == defaultPort(scheme) ? "" : ":" + request.getServerPort());
    }

    private static int defaultPort(String scheme) {
        return "https".equals(scheme) ? 443 : 80;
    }

    private static List<String> accepted(HttpServletRequest request) {
        String path = pathOf(request);
        if ("POST".equals(request.getMethod()) && UPLOADS.stream().anyMatch(upload -> upload.matcher(path).matches())) {
            return List.of(MediaType.MULTIPART_FORM_DATA_VALUE);
        }
        if ("PUT".equals(request.getMethod()) && CALENDAR_YEAR.matcher(path).matches()) {
            return List.of(CSV);
        }
        return List.of(MediaType.APPLICATION_JSON_VALUE);
    }

    private static boolean acceptable(String contentType, List<String> accepted) {
        MediaType type;
        try {
            type = MediaType.parseMediaType(contentType);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return accepted.stream().map(MediaType::parseMediaType).anyMatch(ok -> ok.equalsTypeAndSubtype(type)
                || ok.equals(MediaType.APPLICATION_JSON) && "application".equals(type.getType())
                && type.getSubtype().endsWith("+json"));
    }

    private static boolean hasBody(HttpServletRequest request) {
        return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
    }

    private static String pathOf(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.isEmpty() ? "/" : path;
    }
}
