package org.duban.api.calendar;

/** What a listed day is; a day the calendar does not list is a working day from Monday to Friday. */
public enum DayKind {
    /** A public holiday (法定节假日) or a day of a holiday period, on any day of the week. */
    HOLIDAY,
    /** A make-up working day (调休上班): a Saturday or Sunday that is worked to bridge a holiday period. */
    WORKDAY
}
