package org.duban.api;

/**
 * Every length and count the contract accepts, stated once. Commands refuse more (a 400 naming the field and the
 * limit), and every projection column holds at least this much, so an accepted command is always applied to the views.
 * Lengths count characters (UTF-16 code units, as Java and the database columns count them).
 */
public final class Limits {
    private Limits() {
    }

    /** Ids given by clients or generated (UUIDs are 36). */
    public static final int ID = 100;
    /** Names: a unit, an issuer, a document number (文号), a holiday, a calendar source, a section code. */
    public static final int NAME = 200;
    /** Titles: a plan, a section, an indicator. */
    public static final int TITLE = 500;
    /** A task's text (具体任务) as the decomposition table writes it. */
    public static final int TASK_TEXT = 10_000;
    /** Reasons, comments, notes, remarks and adjustment proposals. */
    public static final int REASON = 2_000;
    /** The narrative of a report or a contribution, its difficulties and its next steps, each. */
    public static final int NARRATIVE = 20_000;
    /** An indicator value as written in a report (12, 13—15, 85%). */
    public static final int VALUE = 200;
    /** Indicator values in one report. */
    public static final int INDICATOR_VALUES = 200;
    /** Evidence files cited by one report or contribution. */
    public static final int EVIDENCE_FILES = 50;
    /** An evidence file's name, extension included. */
    public static final int FILE_NAME = 255;
    /** Co-units of one task. */
    public static final int CO_UNITS = 100;
    /** Aliases of one unit. */
    public static final int ALIASES = 50;
}
