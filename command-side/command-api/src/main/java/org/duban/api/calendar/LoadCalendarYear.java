package org.duban.api.calendar;

import org.duban.api.Require;
import org.duban.api.Limits;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Comparator;
import java.util.List;

import static org.duban.api.Require.present;
import static org.duban.api.Require.text;

/**
 * Loads the working-day calendar of one year, or replaces the one loaded: its public holidays and make-up working
 * days. Days are kept in date order, so the same days listed in another order are the same calendar.
 *
 * @param source where the days come from, e.g. {@code shipped:cn-2025.csv} or the State Council notice's number
 */
public record LoadCalendarYear(@TargetAggregateIdentifier String calendarId, int year, List<CalendarDay> days,
                               String source) {
    public LoadCalendarYear {
        String expected = CalendarYears.calendarId(year);
        if (!expected.equals(calendarId)) {
            throw new IllegalArgumentException("calendarId of year " + year + " must be " + expected);
        }
        days = Require.atMost(days, "days of " + year, 366).stream().map(day -> present(day, "day of " + year))
                .sorted(Comparator.comparing(CalendarDay::date)).toList();
        source = text(source, "source", Limits.NAME);
    }

    public static LoadCalendarYear of(int year, List<CalendarDay> days, String source) {
        return new LoadCalendarYear(CalendarYears.calendarId(year), year, days, source);
    }
}
