package org.duban.api.calendar;

/** Answered with the {@link CalendarYearView} of every loaded year, earliest first. */
public record ListCalendarYears() {
}
