package org.duban.app.plan.importing;

/**
 * Something wrong (an error) or doubtful (a warning) in an uploaded file, located as precisely as the user needs
 * to find it: file, sheet or table, row, column and the value found there. Parts that do not apply are null.
 */
public record ImportProblem(String file, String table, Integer row, String column, String value, String message,
                            String messageEn) {

    /** @deprecated being replaced by the bilingual constructor; English only */
    @Deprecated
    public ImportProblem(String file, String table, Integer row, String column, String value, String message) {
        this(file, table, row, column, value, message, message);
    }

    public static ImportProblem ofFile(String file, String message) {
        return new ImportProblem(file, null, null, null, null, message);
    }

    /** One line a person can read, e.g. {@code dazu.xlsx, 任务分解, row 7, column E (责任单位) "x": message}. */
    public String describe() {
        StringBuilder where = new StringBuilder(file == null ? "" : file);
        if (table != null) {
            where.append(", ").append(table);
        }
        if (row != null) {
            where.append(", row ").append(row);
        }
        if (column != null) {
            where.append(", column ").append(column);
        }
        if (value != null) {
            where.append(" \"").append(value.length() > 60 ? value.substring(0, 60) + "…" : value).append('"');
        }
        return where + ": " + message;
    }
}
