package org.duban.app.plan.importing;

import java.util.ArrayList;
import java.util.List;

/**
 * One table of an uploaded file as the office wrote it: a worksheet of a workbook, a table of a Word document,
 * or the rows of a CSV file. Cells are trimmed text; the cells of a merged region other than its first are
 * empty, exactly like the blank cells that mean "same as above".
 *
 * @param name  how the user knows the table: the sheet name, "表格 2" for the second Word table, or the file name
 * @param paragraphs true for the running text of a document (one paragraph a row), false for a table
 */
public record SourceTable(String name, List<SourceRow> rows, boolean paragraphs) {
    /** The name of the running text of a document or text file, as a table of one-cell rows. */
    public static final String TEXT = "正文";

    public SourceTable {
        rows = List.copyOf(rows);
    }

    public SourceTable(String name, List<SourceRow> rows) {
        this(name, rows, false);
    }

    /** Paragraphs of running text, one per row, numbered as the user counts them. */
    public static SourceTable text(List<String> paragraphs, List<Integer> numbers) {
        List<SourceRow> rows = new ArrayList<>();
        for (int i = 0; i < paragraphs.size(); i++) {
            rows.add(new SourceRow(numbers.get(i), List.of(paragraphs.get(i))));
        }
        return new SourceTable(TEXT, rows, true);
    }

    /**
     * @param number the row number the user sees (Excel row, CSV line, Word table row), counted from 1
     * @param cells  the row's cells from the first column; trailing empty cells may be missing
     */
    public record SourceRow(int number, List<String> cells) {
        public SourceRow {
            cells = List.copyOf(cells);
        }

        public String cell(int column) {
            return column < cells.size() ? cells.get(column) : "";
        }

        public boolean isBlank() {
            return cells.stream().allMatch(String::isEmpty);
        }
    }

    /** The column name the user sees: A, B, … Z, AA, AB, … */
    public static String columnName(int column) {
        StringBuilder name = new StringBuilder();
        for (int n = column + 1; n > 0; n = (n - 1) / 26) {
            name.insert(0, (char) ('A' + (n - 1) % 26));
        }
        return name.toString();
    }
}
