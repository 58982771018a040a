package org.duban.process.calendar;

import java.time.LocalDate;

/**
 * The working-day calendar due dates are counted on: weekends, Chinese public holidays and make-up working days
 * (调休) are data, loaded per year. Processes ask it; the application implements it.
 */
public interface WorkingDays {

    boolean isWorkingDay(LocalDate day);

    /** The day itself when it is a working day, otherwise the next working day. */
    LocalDate onOrAfter(LocalDate day);

    /** The working day {@code workingDays} working days after {@code day}; {@code plus(day, 0) == onOrAfter(day)}. */
    LocalDate plus(LocalDate day, int workingDays);

    /** The working day {@code workingDays} working days before {@code day} (for reminders ahead of a due date). */
    LocalDate minus(LocalDate day, int workingDays);
}
