package org.duban.api.calendar;

import org.duban.api.Require;
import org.duban.api.Limits;
import java.time.DayOfWeek;
import java.time.LocalDate;

import static org.duban.api.Require.optionalText;
import static org.duban.api.Require.present;

/**
 * One listed day of the working-day calendar.
 *
 * @param name the holiday it belongs to as the State Council's notice names it (春节, 春节调休); may be absent
 */
public record CalendarDay(LocalDate date, DayKind kind, String name) {
    public CalendarDay {
        present(date, "date");
        present(kind, "kind of " + date);
        name = optionalText(name, "name of " + date, Limits.NAME);
    }

    public boolean onWeekend() {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
