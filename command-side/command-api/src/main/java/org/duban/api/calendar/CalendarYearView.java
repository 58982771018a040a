package org.duban.api.calendar;

import java.time.Instant;
import java.util.List;

/** A loaded year of the working-day calendar: its listed days in date order, where they came from, who loaded them. */
public record CalendarYearView(int year, List<CalendarDay> days, String source, Instant loadedAt, String loadedBy) {
}
