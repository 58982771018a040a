package org.duban.app.plan.importing;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What the user says each table of a file is, by the name the report gives it (a sheet's name, "表格 2"), written
 * as {@code 任务分解=TASKS; 指标=INDICATORS; 说明=SKIP}. Tables not named are recognised by their headers.
 */
public record TableDeclarations(Map<String, Kind> tables) {

    public enum Kind { TASKS, INDICATORS, SKIP }

    public TableDeclarations {
        tables = Map.copyOf(tables);
    }

    /** Reads {@code name=KIND} pairs separated by ; or line breaks; throws naming the part it does not understand. */
    public static TableDeclarations parse(String text) {
        Map<String, Kind> tables = new LinkedHashMap<>();
        for (String part : text.split("[;；\\n]")) {
            if (part.isBlank()) {
                continue;
            }
            int equals = Math.max(part.lastIndexOf('='), part.lastIndexOf('＝'));
            if (equals <= 0) {
                throw new IllegalArgumentException("tables \"" + part.strip() + "\" is not NAME=KIND, e.g. 指标=INDICATORS");
            }
            String name = part.substring(0, equals).strip();
            String kind = part.substring(equals + 1).strip().toUpperCase(Locale.ROOT);
            try {
                tables.put(name, Kind.valueOf(kind));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("tables names an unknown kind \"" + kind + "\" for " + name
                        + "; known kinds: TASKS, INDICATORS, SKIP");
            }
        }
        return new TableDeclarations(tables);
    }

    Kind of(String table) {
        return tables.get(table);
    }
}
