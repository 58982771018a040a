package org.duban.app.plan.importing;

import java.util.Locale;

/**
 * What became of one non-empty row of a table, or one paragraph of a plan written as text. Every such row gets
 * exactly one outcome, so that an import never loses a row without saying so.
 *
 * @param table  the sheet, "表格 2", the file name, or "正文" for running text
 * @param row    the row or paragraph number the user sees
 * @param kind   what it became
 * @param item   the item it became, as the document numbers it ("一、", "（一）", "12"), or the level for a section;
 *               null when it became nothing
 * @param reason for {@link Kind#SKIPPED} and {@link Kind#REFUSED}, why; in Chinese and in English
 */
public record RowOutcome(String table, int row, Kind kind, String item, Text reason, String excerpt) {

    public enum Kind {
        /** the table's title above its header */
        CAPTION("表格标题", "caption"),
        HEADER("表头", "header"),
        /** the header again, after a page break */
        REPEATED_HEADER("重复的表头", "header repeated"),
        SECTION_LEVEL_1("一级标题", "level 1 heading"),
        SECTION_LEVEL_2("二级标题", "level 2 heading"),
        SECTION_LEVEL_3("三级标题", "level 3 heading"),
        TASK("任务", "task"),
        INDICATOR("指标", "indicator"),
        /** a note such as 注：以上指标均为预期性指标, read for what it says of the rows above */
        NOTE("注释", "note"),
        /** read, deliberately not imported, with the reason */
        SKIPPED("未导入", "not imported"),
        /** could not be placed: the import is refused until the row is corrected */
        REFUSED("无法归位", "cannot be placed");

        private final String zh;
        private final String en;

        Kind(String zh, String en) {
            this.zh = zh;
            this.en = en;
        }

        public String label(Locale locale) {
            return locale != null && "en".equals(locale.getLanguage()) ? en : zh;
        }
    }

    /** How much of a row's text an outcome quotes, so that a long paragraph does not fill the report. */
    public static String excerpt(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "…" : text;
    }

    /** A sentence in the two languages of the interface: Chinese first, English second. */
    public record Text(String zh, String en) {
        public String in(Locale locale) {
            return locale != null && "en".equals(locale.getLanguage()) ? en : zh;
        }
    }
}
