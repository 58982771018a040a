package org.duban.app.plan.importing;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A column layout given by the user when the headers are not recognised, written as
 * {@code TASK=D, UNITS=E, LEVEL1=A, LEVEL2=B, LEVEL3=C} (roles of {@link ColumnRole}; columns as letters), with the
 * row that holds the headers ({@code headerRow}, 0 when the table has none). Year columns of an indicator table are
 * mapped as {@code BASELINE=C, TARGET=D} with the years given as {@code baselineYear} and {@code targetYear}.
 */
public record ColumnMapping(Map<ColumnRole, Integer> columns, int headerRow, Integer baselineYear, Integer targetYear) {
    private static final Pattern ENTRY = Pattern.compile("\\s*([A-Z_0-9]+)\\s*=\\s*([A-Za-z]{1,3})\\s*");

    public ColumnMapping {
        columns = Map.copyOf(columns);
        if (!columns.containsKey(ColumnRole.TASK) && !columns.containsKey(ColumnRole.INDICATOR_NAME)) {
            throw new IllegalArgumentException("a column mapping must name the TASK or the INDICATOR_NAME column");
        }
        if (headerRow < 0) {
            throw new IllegalArgumentException("headerRow must be 0 (no header) or a row number");
        }
    }

    /** Reads {@code TASK=D, UNITS=E}; throws naming the part it does not understand. */
    public static ColumnMapping parse(String text, int headerRow, Integer baselineYear, Integer targetYear) {
        Map<ColumnRole, Integer> columns = new EnumMap<>(ColumnRole.class);
        for (String part : text.split("[,，;；]")) {
            if (part.isBlank()) {
                continue;
            }
            Matcher entry = ENTRY.matcher(part.toUpperCase());
            if (!entry.matches()) {
                throw new IllegalArgumentException("column mapping \"" + part.strip() + "\" is not ROLE=COLUMN, e.g. TASK=D");
            }
            ColumnRole role;
            try {
                role = ColumnRole.valueOf(entry.group(1));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("column mapping names an unknown role \"" + entry.group(1)
                        + "\"; known roles: " + Arrays.toString(ColumnRole.values()));
            }
            columns.put(role, columnIndex(entry.group(2)));
        }
        return new ColumnMapping(columns, headerRow, baselineYear, targetYear);
    }

    static int columnIndex(String letters) {
        int index = 0;
        for (char c : letters.toUpperCase().toCharArray()) {
            index = index * 26 + (c - 'A' + 1);
        }
        return index - 1;
    }
}
