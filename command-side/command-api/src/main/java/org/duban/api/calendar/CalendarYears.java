package org.duban.api.calendar;

/**
 * The years a calendar can be loaded for, and the id of each year's calendar: one aggregate per year, so loading a
 * year again reaches the calendar already loaded for it.
 */
public final class CalendarYears {
    public static final int FIRST = 2000;
    public static final int LAST = 2100;

    private CalendarYears() {
    }

    public static int check(int year) {
        if (year < FIRST || year > LAST) {
            throw new IllegalArgumentException("year " + year + " must be between " + FIRST + " and " + LAST);
        }
        return year;
    }

    public static String calendarId(int year) {
        return "calendar-" + check(year);
    }
}
