package org.duban.app.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import javax.sql.DataSource;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;

/**
 * The rebuild figure of the benchmark, beside its baseline measured in the same run on the same database: a plain
 * JDBC scan of {@code domain_event_entry} that reads every column of every row (what any replay must at least do),
 * then a rebuild of every projection, triggered by the caller, over the same events.
 */
public final class RebuildFigures {
    private static final int FETCH_SIZE = 5_000;

    private RebuildFigures() {
    }

    /** Starts a rebuild of every projection and returns once it has ended; throws if it failed. */
    @FunctionalInterface
    public interface Rebuild {
        void all() throws Exception;
    }

    /**
     * @param events          the events in the store (both runs read all of them)
     * @param scanSeconds     the plain JDBC scan's wall time
     * @param rebuildSeconds  the rebuild's wall time as the caller saw it (start to end, set-up of the run included)
     */
    public record Figures(long events, double scanSeconds, double rebuildSeconds) {
        public double scanPerSecond() {
            return events / scanSeconds;
        }

        public double rebuildPerSecond() {
            return events / rebuildSeconds;
        }

        /** The rebuild's rate as a fraction of the scan's. */
        public double ratio() {
            return rebuildPerSecond() / scanPerSecond();
        }

        public String describe() {
            return String.format(Locale.ROOT, "rebuild of all projections over %,d events: %.1f s, %,.0f events/s; "
                            + "plain JDBC scan of domain_event_entry: %.1f s, %,.0f events/s; ratio %.3f", events,
                    rebuildSeconds, rebuildPerSecond(), scanSeconds, scanPerSecond(), ratio());
        }
    }

    /** Scans the event table, then runs {@code rebuild}, timing both. */
    public static Figures measure(DataSource db, Rebuild rebuild) {
        long[] scanned = scan(db);
        long started = System.nanoTime();
        try {
            rebuild.all();
        } catch (Exception e) {
            throw new IllegalStateException("the rebuild failed: " + e.getMessage(), e);
        }
        double rebuildSeconds = (System.nanoTime() - started) / 1e9;
        return new Figures(scanned[0], scanned[1] / 1e9, rebuildSeconds);
    }

    /** Reads every column of every event in global order, as a replay would; answers {rows, nanoseconds}. */
    static long[] scan(DataSource db) {
        try (Connection connection = db.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false); // PostgreSQL streams with a fetch size only inside a transaction
            long started = System.nanoTime();
            long rows = 0;
            long bytes = 0;
            try (PreparedStatement select = connection.prepareStatement("select global_index, aggregate_identifier, "
                    + "sequence_number, type, event_identifier, payload_type, payload_revision, time_stamp, payload, "
                    + "meta_data from domain_event_entry order by global_index")) {
                select.setFetchSize(FETCH_SIZE);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        rows++;
                        bytes += row.getLong(1) + row.getString(2).length() + row.getLong(3)
                                + length(row.getString(4)) + row.getString(5).length() + row.getString(6).length()
                                + length(row.getString(7)) + row.getString(8).length() + row.getBytes(9).length;
                        byte[] metaData = row.getBytes(10);
                        bytes += metaData == null ? 0 : metaData.length;
                    }
                }
            } finally {
                connection.rollback();
                connection.setAutoCommit(autoCommit);
            }
            long nanos = System.nanoTime() - started;
            if (bytes == Long.MIN_VALUE) {
                System.out.println(); // keeps the reads from being optimised away
            }
            return new long[]{rows, nanos};
        } catch (SQLException e) {
            throw new IllegalStateException("could not scan the event store: " + e.getMessage(), e);
        }
    }

    private static int length(String text) {
        return text == null ? 0 : text.length();
    }

    /**
     * A rebuild through the API of a running application ({@code POST /api/admin/projections/rebuild}, then its
     * progress every 200 ms until the run has ended), as an administrator.
     *
     * @param baseUrl  e.g. {@code http://localhost:8080}
     */
    public static Rebuild overHttp(String baseUrl, String user, String password) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        String basic = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        ObjectMapper json = new ObjectMapper();
        URI rebuild = URI.create(baseUrl + "/api/admin/projections/rebuild");
        return () -> {
            HttpResponse<String> started = http.send(HttpRequest.newBuilder(rebuild).header("Authorization", basic)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
            if (started.statusCode() != 202) {
                throw new IOException("the rebuild was not started: " + started.statusCode() + " " + started.body());
            }
            String runId = json.readTree(started.body()).path("runId").asText();
            while (true) {
                Thread.sleep(200);
                HttpResponse<String> progress = http.send(HttpRequest.newBuilder(rebuild).header("Authorization", basic)
                        .GET().build(), HttpResponse.BodyHandlers.ofString());
                JsonNode run = json.readTree(progress.body());
                if (!run.path("runId").asText().equals(runId)) {
                    throw new IOException("another rebuild ran meanwhile: " + progress.body());
                }
                String state = run.path("state").asText();
                if (state.equals("SUCCEEDED")) {
                    return;
                }
                if (state.equals("FAILED")) {
                    throw new IOException("the rebuild failed: " + run.path("error").asText());
                }
            }
        };
    }
}
