package org.duban.api.calendar;

import org.axonframework.serialization.Revision;

import java.util.List;

/** The year's calendar is these days, in date order, replacing any loaded before. */
@Revision("1")
public record CalendarYearLoaded(String calendarId, int year, List<CalendarDay> days, String source) {
}
