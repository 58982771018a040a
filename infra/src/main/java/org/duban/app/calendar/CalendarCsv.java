package org.duban.app.calendar;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.duban.api.calendar.CalendarDay;
import org.duban.api.calendar.CalendarYears;
import org.duban.api.calendar.DayKind;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads one year of the working-day calendar from CSV text in UTF-8: a header {@code date,kind,name}, then one day
 * per line ({@code 2025-01-28,HOLIDAY,春节}, {@code 2025-01-26,WORKDAY,春节调休}). Blank lines and lines starting
 * with {@code #} are comments; a comment starting with {@code # provisional} marks the file as not yet confirmed
 * by the State Council's notice. Every problem is reported with its line number, so a file is loaded whole or not
 * at all. The aggregate checks the same rules for any other sender; here they are checked to say where they fail.
 */
final class CalendarCsv {
    static final int MAX_BYTES = 256 * 1024;
    static final String HEADER = "date,kind,name";
    private static final int MAX_PROBLEMS = 20;
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setTrim(true).get();

    /** The days of a calendar file, and whether it says it is provisional. */
    record CalendarFile(int year, List<CalendarDay> days, boolean provisional) {
    }

    private CalendarCsv() {
    }

    static CalendarFile read(int year, byte[] content) {
        CalendarYears.check(year);
        if (content == null || content.length == 0) {
            throw new IllegalArgumentException("the calendar is empty: send CSV text with the header " + HEADER);
        }
        if (content.length > MAX_BYTES) {
            throw new IllegalArgumentException("the calendar is larger than " + MAX_BYTES / 1024 + " KB");
        }
        String text = decode(content);
        List<String> problems = new ArrayList<>();
        List<CalendarDay> days = new ArrayList<>();
        Map<LocalDate, Integer> lineOf = new HashMap<>();
        boolean provisional = false;
        boolean headerSeen = false;
        List<String> lines = text.lines().toList();
        for (int index = 0; index < lines.size() && problems.size() < MAX_PROBLEMS; index++) {
            int line = index + 1;
            String raw = lines.get(index).strip();
            if (raw.isEmpty()) {
                continue;
            }
            if (raw.startsWith("#")) {
                provisional |= raw.substring(1).strip().toLowerCase(Locale.ROOT).startsWith("provisional");
                continue;
            }
            List<String> cells = cells(raw);
            if (cells == null) {
                problems.add("line " + line + ": \"" + raw + "\" is not a CSV line (check its quotes)");
                continue;
            }
            if (!headerSeen) {
                headerSeen = true;
                if (!isHeader(cells)) {
                    problems.add("line " + line + ": the first line must be the header " + HEADER + ", not \"" + raw + "\"");
                    break;
                }
                continue;
            }
            if (cells.size() < 2 || cells.size() > 3) {
                problems.add("line " + line + ": \"" + raw + "\" must have the columns " + HEADER);
                continue;
            }
            CalendarDay day = day(year, line, cells, lineOf, problems);
            if (day != null) {
                days.add(day);
            }
        }
        if (!headerSeen) {
            problems.add("the calendar has no header " + HEADER);
        } else if (problems.isEmpty() && days.isEmpty()) {
            problems.add("the calendar lists no days");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("the calendar of " + year + " is not loaded: " + String.join("; ", problems));
        }
        return new CalendarFile(year, List.copyOf(days), provisional);
    }

    private static CalendarDay day(int year, int line, List<String> cells, Map<LocalDate, Integer> lineOf,
                                   List<String> problems) {
        String dateText = cells.get(0);
        String kindText = cells.get(1);
        String name = cells.size() > 2 ? cells.get(2) : null;
        LocalDate date;
        try {
            date = LocalDate.parse(dateText);
        } catch (DateTimeParseException e) {
            problems.add("line " + line + ": \"" + dateText + "\" is not a date of the form 2025-01-28");
            return null;
        }
        DayKind kind;
        try {
            kind = DayKind.valueOf(kindText.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add("line " + line + ": kind \"" + kindText + "\" is neither HOLIDAY nor WORKDAY");
            return null;
        }
        CalendarDay day = new CalendarDay(date, kind, name);
        if (date.getYear() != year) {
            problems.add("line " + line + ": " + date + " is not in " + year);
            return null;
        }
        Integer first = lineOf.putIfAbsent(date, line);
        if (first != null) {
            problems.add("line " + line + ": " + date + " is already listed on line " + first);
            return null;
        }
        if (kind == DayKind.WORKDAY && !day.onWeekend()) {
            problems.add("line " + line + ": " + date + " is a "
                    + date.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH)
                    + "; a WORKDAY (调休) must be a Saturday or Sunday");
            return null;
        }
        return day;
    }

    private static boolean isHeader(List<String> cells) {
        return cells.size() >= 2 && cells.size() <= 3 && cells.get(0).equalsIgnoreCase("date")
                && cells.get(1).equalsIgnoreCase("kind") && (cells.size() == 2 || cells.get(2).equalsIgnoreCase("name"));
    }

    /** One line's cells; a cell in double quotes may hold a comma. Null when the quoting is broken. */
    private static List<String> cells(String line) {
        try (CSVParser parser = CSVParser.parse(line, FORMAT)) {
            List<CSVRecord> records = parser.getRecords();
            return records.size() == 1 ? records.get(0).toList() : null;
        } catch (IOException | UncheckedIOException e) {
            return null;
        }
    }

    /** Strict UTF-8, without a byte-order mark: a calendar in another encoding would load garbled names. */
    private static String decode(byte[] content) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("the calendar is not UTF-8 text: save it as CSV UTF-8");
        }
    }
}
