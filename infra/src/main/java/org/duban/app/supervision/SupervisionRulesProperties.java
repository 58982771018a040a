package org.duban.app.supervision;

import org.duban.api.supervision.NoticeGrade;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The rules that open supervision cases by themselves ({@code duban.supervision.rules.*}); each opens at most one case
 * per occurrence, and none while a case of the same rule about the same item is open.
 *
 * @param enabled                 whether the daily check runs (the indicator rule follows {@code bindingIndicatorRed})
 * @param cron                    when the daily check runs, Asia/Shanghai (after the periods open at 00:10)
 * @param reportOverdueWorkingDays a report overdue for this many working days opens a case on it, to the lead unit
 * @param reportOverdueGrade      the grade of that notice
 * @param bindingIndicatorRed     whether a binding (约束性) indicator turning red opens a case, to its first
 *                                responsible unit
 * @param indicatorRedGrade       the grade of that notice
 * @param taskRedTwoPeriods       whether a task red (红灯) at the end of each of its last two ended reporting periods
 *                                opens a case, to its lead unit (checked in the daily run)
 * @param taskRedGrade            the grade of that notice
 */
@ConfigurationProperties("duban.supervision.rules")
public record SupervisionRulesProperties(@DefaultValue("true") boolean enabled,
                                         @DefaultValue("0 30 0 * * *") String cron,
                                         @DefaultValue("5") int reportOverdueWorkingDays,
                                         @DefaultValue("NOTICE") NoticeGrade reportOverdueGrade,
                                         @DefaultValue("true") boolean bindingIndicatorRed,
                                         @DefaultValue("NOTICE") NoticeGrade indicatorRedGrade,
                                         @DefaultValue("true") boolean taskRedTwoPeriods,
                                         @DefaultValue("NOTICE") NoticeGrade taskRedGrade) {
    public SupervisionRulesProperties {
        if (reportOverdueWorkingDays < 0) {
            throw new IllegalArgumentException("duban.supervision.rules.report-overdue-working-days must not be negative, not "
                    + reportOverdueWorkingDays);
        }
    }
}
