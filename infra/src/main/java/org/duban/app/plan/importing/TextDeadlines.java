package org.duban.app.plan.importing;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Time limits as plans written as text state them: 2025年底前 and 2025年6月底前 give the end of that period as the due
 * date, 2024年前 the end of that year; 长期坚持 and 持续推进 mean there is no due date, which the task's remark says.
 * 到2025年 is the year of a target, not a deadline.
 */
final class TextDeadlines {
    private static final Pattern MONTH = Pattern.compile("(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月\\s*(?:底|末|份)?\\s*(?:前|之前|以前)");
    private static final Pattern YEAR_END = Pattern.compile("(\\d{4})\\s*年\\s*(?:年底|年末|底|末)(?:前|之前|以前)?");
    private static final Pattern BEFORE_YEAR = Pattern.compile("(\\d{4})\\s*年\\s*(?:前|之前|以前)");
    private static final Pattern ONGOING = Pattern.compile("^(?:完成时限[：:]\\s*)?(长期坚持|持续推进|长期推进|持续实施|长期实施|持续开展|长期执行|长期)(?:完成)?$");
    private static final Pattern LABELLED = Pattern.compile("^完成(?:时限|时间)[：:].+");

    private TextDeadlines() {
    }

    /** What the text says about when the task is done. */
    record Deadline(LocalDate dueDate, List<String> asWritten) {
        Deadline {
            asWritten = List.copyOf(asWritten);
        }

        /** "完成时限：2025年底前", or null when the text states no time limit. */
        String remark() {
            return asWritten.isEmpty() ? null : "完成时限：" + String.join("、", asWritten);
        }
    }

    /** A clause that is only a time limit: 2025年底前完成, 持续推进, 完成时限：2024年6月底前. */
    static boolean isTimeLimit(String clause) {
        String text = clause.strip().replaceAll("[。．.]$", "");
        if (ONGOING.matcher(text).matches() || LABELLED.matcher(text).matches()) {
            return true;
        }
        String rest = text.replaceFirst("^(?:到|于|在)", "");
        for (Pattern dated : List.of(MONTH, YEAR_END, BEFORE_YEAR)) {
            Matcher matcher = dated.matcher(rest);
            if (matcher.lookingAt()) {
                return rest.substring(matcher.end()).matches("(?:完成|完成任务|全面完成|基本完成|建成|落实)?");
            }
        }
        return false;
    }

    /**
     * Reads the deadlines of a task's text and of its bracket; the latest dated one is the due date (the task is
     * done when its last part is), every one is kept as written for the remark.
     *
     * @param text       the task's text
     * @param timeLimits clauses of the unit bracket that are time limits
     */
    static Deadline read(String text, List<String> timeLimits) {
        List<String> written = new ArrayList<>();
        LocalDate due = null;
        List<String> sources = new ArrayList<>(List.of(text));
        sources.addAll(timeLimits);
        for (String source : sources) {
            List<int[]> taken = new ArrayList<>();
            for (Pattern pattern : List.of(MONTH, YEAR_END, BEFORE_YEAR)) {
                Matcher matcher = pattern.matcher(source);
                while (matcher.find()) {
                    int start = matcher.start();
                    if (taken.stream().anyMatch(span -> start >= span[0] && start < span[1])) {
                        continue;
                    }
                    LocalDate date = date(pattern, matcher);
                    if (date == null) {
                        continue;
                    }
                    taken.add(new int[]{matcher.start(), matcher.end()});
                    written.add(matcher.group().replaceAll("\\s+", ""));
                    due = due == null || date.isAfter(due) ? date : due;
                }
            }
            for (String clause : source.split("[，,。；;、\\s]+")) {
                Matcher ongoing = ONGOING.matcher(clause.strip());
                if (ongoing.matches() && !written.contains(ongoing.group(1))) {
                    written.add(ongoing.group(1));
                }
            }
        }
        return new Deadline(due, written);
    }

    private static LocalDate date(Pattern pattern, Matcher matcher) {
        int year = Integer.parseInt(matcher.group(1));
        try {
            if (pattern == MONTH) {
                return YearMonth.of(year, Integer.parseInt(matcher.group(2))).atEndOfMonth();
            }
            return LocalDate.of(year, 12, 31);
        } catch (DateTimeException e) {
            return null; // 2025年13月底前: not a date, so not a deadline
        }
    }
}
