package org.duban.app.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import org.duban.api.task.TaskAcknowledged;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The report and acknowledgement events as stored in {@code domain_event_entry}, read with plain JDBC. */
final class StoredEvents {
    private static final Pattern TOKEN = Pattern.compile("#crash-\\d+-[a-z]+#");

    /**
     * @param type the event's simple name, e.g. ReportSubmitted
     * @param text the text the client wrote into it (narrative, reason, comment, contribution), or null
     */
    record Event(long position, String type, String taskId, String period, int round, String unitId, String text,
                 List<String> tokens) {
    }

    static List<Event> read(Connection connection) throws SQLException, IOException {
        List<Event> events = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select global_index, payload_type, payload from domain_event_entry "
                     + "where payload_type like 'org.duban.api.reporting.%' or payload_type = '"
                     + TaskAcknowledged.class.getName() + "' "
                     + "order by global_index")) {
            while (rows.next()) {
                String type = rows.getString(2);
                type = type.substring(type.lastIndexOf('.') + 1);
                JsonNode payload = Http.JSON.readTree(rows.getBytes(3));
                String text = switch (type) {
                    case "ReportDrafted", "ReportSubmitted" -> payload.path("content").path("narrative").asText(null);
                    case "ReportReturned" -> payload.path("reason").asText(null);
                    case "ReportAccepted" -> payload.path("comment").asText(null);
                    case "ContributionSubmitted" -> payload.path("text").asText(null);
                    default -> null;
                };
                List<String> tokens = new ArrayList<>();
                if (text != null) {
                    Matcher matcher = TOKEN.matcher(text);
                    while (matcher.find()) {
                        tokens.add(matcher.group());
                    }
                }
                events.add(new Event(rows.getLong(1), type, payload.path("taskId").asText(null),
                        payload.path("periodKey").asText(null), payload.path("round").asInt(0),
                        payload.path("unitId").asText(null), text, List.copyOf(tokens)));
            }
        }
        return events;
    }
}
