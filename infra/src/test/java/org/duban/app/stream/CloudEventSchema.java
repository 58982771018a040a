package org.duban.app.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The CloudEvents 1.0 JSON format's rules as a JSON Schema (test resource {@code cloudevents/}), checked with
 * networknt's validator, format assertions (RFC 3339 date-time, URI reference) on.
 */
final class CloudEventSchema {
    private static final JsonSchema SCHEMA = load();

    private CloudEventSchema() {
    }

    /** What is wrong with the value as a CloudEvent; empty when nothing is. */
    static List<String> problems(JsonNode cloudEvent) {
        return SCHEMA.validate(cloudEvent).stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    private static JsonSchema load() {
        try (InputStream in = CloudEventSchema.class.getResourceAsStream("/cloudevents/cloudevent-structured-json.schema.json")) {
            if (in == null) {
                throw new IllegalStateException("the CloudEvents schema is missing from the test resources");
            }
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(in, SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
