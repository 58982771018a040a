package org.duban.app.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** The JSON API over HTTP Basic, as the demo accounts (password {@code duban}). */
public final class Http {
    public static final ObjectMapper JSON = new ObjectMapper();
    private final String baseUrl;
    private final HttpClient client;

    /** What the server answered; {@code body} is null when it was not JSON. */
    public record Answer(int status, JsonNode body, String text) {
        public boolean ok() {
            return status / 100 == 2;
        }
    }

    /** A fresh client per application start, so that no pooled connection of a killed server is reused. */
    public Http(String baseUrl) {
        this.baseUrl = baseUrl;
        this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    public Answer get(String user, String path) throws IOException, InterruptedException {
        return send(user, "GET", path, null);
    }

    public Answer post(String user, String path, Object body) throws IOException, InterruptedException {
        return send(user, "POST", path, body);
    }

    public Answer put(String user, String path, Object body) throws IOException, InterruptedException {
        return send(user, "PUT", path, body);
    }

    private Answer send(String user, String method, String path, Object body) throws IOException, InterruptedException {
        String credentials = Base64.getEncoder().encodeToString((user + ":duban").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofMinutes(2))
                .header("Authorization", "Basic " + credentials)
                .header("Accept", "application/json");
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        }
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        JsonNode json = null;
        if (!response.body().isBlank()) {
            try {
                json = JSON.readTree(response.body());
            } catch (IOException notJson) {
                // an HTML error page or plain text: kept as text
            }
        }
        return new Answer(response.statusCode(), json, response.body());
    }
}
