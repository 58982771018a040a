package org.duban.app.plan.importing;

import java.util.Locale;

/**
 * Something wrong (an error) or doubtful (a warning) in an uploaded file, located as precisely as the user needs
 * to find it: file, sheet or table, row, column and the value found there. Parts that do not apply are null.
 */
public record ImportProblem(String file, String table, Integer row, String column, String value, String message,
                            String messageEn) {

    public static ImportProblem ofFile(String file, String message, String messageEn) {
        return new ImportProblem(file, null, null, null, null, message, messageEn);
    }

    /** One line a person can read, in Chinese. */
    public String describe() {
        return describe(Locale.CHINESE);
    }

    /**
     * One line a person can read, e.g. {@code dazu.xlsx，任务分解，第 7 行，E (责任单位) 列“x”：message} or
     * {@code dazu.xlsx, 任务分解, row 7, column E (责任单位) "x": message}.
     */
    public String describe(Locale locale) {
        boolean english = locale != null && "en".equals(locale.getLanguage());
        StringBuilder where = new StringBuilder(file == null ? "" : file);
        String comma = english ? ", " : "，";
        if (table != null) {
            where.append(comma).append(table);
        }
        if (row != null) {
            where.append(comma).append(english ? "row " + row : "第 " + row + " 行");
        }
        if (column != null) {
            where.append(comma).append(english ? "column " + column : column + " 列");
        }
        if (value != null) {
            String shown = value.length() > 60 ? value.substring(0, 60) + "…" : value;
            where.append(english ? " \"" + shown + "\"" : "“" + shown + "”");
        }
        return where + (english ? ": " : "：") + (english ? messageEn : message);
    }
}
