package org.duban.process.support;

import org.duban.process.calendar.WorkingDays;

import java.time.DayOfWeek;
import java.time.LocalDate;

/** A calendar of weekends only: enough to check how processes use working days. */
public final class Weekdays implements WorkingDays {

    @Override
    public boolean isWorkingDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    @Override
    public LocalDate onOrAfter(LocalDate day) {
        LocalDate d = day;
        while (!isWorkingDay(d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    @Override
    public LocalDate plus(LocalDate day, int workingDays) {
        LocalDate d = onOrAfter(day);
        for (int i = 0; i < workingDays; i++) {
            d = onOrAfter(d.plusDays(1));
        }
        return d;
    }

    @Override
    public LocalDate minus(LocalDate day, int workingDays) {
        LocalDate d = day;
        for (int i = 0; i < workingDays; i++) {
            d = d.minusDays(1);
            while (!isWorkingDay(d)) {
                d = d.minusDays(1);
            }
        }
        return d;
    }
}
