package org.duban.api.calendar;

/** Answered with the {@link CalendarYearView} of the year; a year not loaded answers with an empty optional. */
public record FindCalendarYear(int year) {
    public FindCalendarYear {
        CalendarYears.check(year);
    }
}
