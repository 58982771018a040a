package org.duban.command.supervision;

import org.duban.api.supervision.NoticeGrade;
import org.duban.api.supervision.RagStatus;
import org.duban.api.supervision.StatusRules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * A task's standing against its on-schedule progress (序时进度). The first rule that applies decides, the red ones
 * before the amber ones before the green ones:
 * <ol>
 *     <li>{@code task.complete} GREEN — the latest accepted report says it is complete (100 %);</li>
 *     <li>{@code task.listed} RED — an open notice is under listed supervision (挂牌督办);</li>
 *     <li>{@code task.past-due} RED — the due date in force has passed;</li>
 *     <li>{@code task.overdue-report} RED — a report marked overdue is still with the unit;</li>
 *     <li>{@code task.lagging} RED — the reported percent trails the elapsed share of the span by more than
 *         {@link StatusRules#taskRedLag()} points;</li>
 *     <li>{@code task.behind} AMBER — … by more than {@link StatusRules#taskAmberLag()} points;</li>
 *     <li>{@code task.notice} AMBER — an open supervision notice (督办通知);</li>
 *     <li>{@code task.returned-report} AMBER — a returned report waits for the unit to write it again;</li>
 *     <li>{@code task.reported-behind} AMBER — the latest accepted report says the task is behind schedule;</li>
 *     <li>{@code task.early} GREEN — nothing reported yet and at most {@link StatusRules#earlyShare()} of the span
 *         elapsed (after that, nothing reported counts as 0 % in the lag rules);</li>
 *     <li>{@code task.on-schedule} GREEN — otherwise.</li>
 * </ol>
 *
 * @param spanStart       the start of the task's span: the plan period's first day, else the day it was assigned;
 *                        absent when neither is known (no lag rules then)
 * @param dueDate         the due date in force, absent for a task without one (no past-due rule; the span then ends
 *                        with the plan period, given as {@code spanEnd})
 * @param spanEnd         the end of the span: the due date in force, else the plan period's last day
 * @param reported        whether any report was accepted
 * @param reportedPercent the latest accepted report's percent (COMPLETED counts 100, NOT_STARTED 0), absent when
 *                        it gave none
 */
public record TaskSchedule(LocalDate spanStart, LocalDate dueDate, LocalDate spanEnd, boolean reported,
                           Integer reportedPercent, boolean reportedBehind, int overdueReports, int returnedReports) {

    public Judgement judge(LocalDate asOf, List<NoticeGrade> openNotices, StatusRules rules) {
        BigDecimal elapsed = elapsedShare(asOf);
        Integer progress = reportedPercent;
        boolean early = !reported && elapsed != null && elapsed.compareTo(BigDecimal.valueOf(rules.earlyShare())) <= 0;
        if (!reported && !early) {
            progress = 0;
        }
        BigDecimal lag = elapsed == null || progress == null ? null : elapsed.subtract(BigDecimal.valueOf(progress));
        Map<String, String> figures = Judgement.figures("asOf", asOf, "spanStart", spanStart, "dueDate", dueDate,
                "elapsedShare", elapsed, "reportedPercent", reported ? reportedPercent : null, "lag", lag,
                "overdueReports", overdueReports, "returnedReports", returnedReports,
                "openNotices", openNotices.isEmpty() ? null : openNotices.stream().map(Enum::name).sorted().toList());
        if (reported && reportedPercent != null && reportedPercent >= 100) {
            return new Judgement(RagStatus.GREEN, "task.complete", figures);
        }
        if (openNotices.contains(NoticeGrade.LISTED)) {
            return new Judgement(RagStatus.RED, "task.listed", figures);
        }
        if (dueDate != null && asOf.isAfter(dueDate)) {
            return new Judgement(RagStatus.RED, "task.past-due", figures);
        }
        if (overdueReports > 0) {
            return new Judgement(RagStatus.RED, "task.overdue-report", figures);
        }
        if (lag != null && lag.compareTo(BigDecimal.valueOf(rules.taskRedLag())) > 0) {
            figures.put("redLag", String.valueOf(rules.taskRedLag()));
            return new Judgement(RagStatus.RED, "task.lagging", figures);
        }
        if (lag != null && lag.compareTo(BigDecimal.valueOf(rules.taskAmberLag())) > 0) {
            figures.put("amberLag", String.valueOf(rules.taskAmberLag()));
            return new Judgement(RagStatus.AMBER, "task.behind", figures);
        }
        if (openNotices.contains(NoticeGrade.NOTICE)) {
            return new Judgement(RagStatus.AMBER, "task.notice", figures);
        }
        if (returnedReports > 0) {
            return new Judgement(RagStatus.AMBER, "task.returned-report", figures);
        }
        if (reportedBehind) {
            return new Judgement(RagStatus.AMBER, "task.reported-behind", figures);
        }
        if (early) {
            figures.put("earlyShare", String.valueOf(rules.earlyShare()));
            return new Judgement(RagStatus.GREEN, "task.early", figures);
        }
        return new Judgement(RagStatus.GREEN, "task.on-schedule", figures);
    }

    /** Percent of the span elapsed on {@code asOf}, 0 to 100, one decimal; absent when the span is unknown. */
    BigDecimal elapsedShare(LocalDate asOf) {
        if (spanStart == null || spanEnd == null) {
            return null;
        }
        return IndicatorSchedule.share(spanStart, spanEnd, asOf);
    }

    static BigDecimal percentOf(long part, long whole) {
        return BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }

    static long days(LocalDate from, LocalDate to) {
        return ChronoUnit.DAYS.between(from, to);
    }
}
