package org.duban.command.calendar;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.duban.api.CommandRefused;
import org.duban.api.calendar.CalendarDay;
import org.duban.api.calendar.CalendarYearLoaded;
import org.duban.api.calendar.DayKind;
import org.duban.api.calendar.LoadCalendarYear;

import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The working-day calendar of one year. Loading it again replaces it as a whole, because the State Council
 * publishes a year's holidays and make-up working days as one notice.
 */
@Aggregate
class CalendarYear {

    @AggregateIdentifier
    private String calendarId;
    private List<CalendarDay> days = List.of();
    private String source;

    protected CalendarYear() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(LoadCalendarYear command) {
        Set<LocalDate> listed = new HashSet<>();
        for (CalendarDay day : command.days()) {
            if (day.date().getYear() != command.year()) {
                throw new CommandRefused("calendar.other-year",
                        day.date() + " is not in " + command.year() + " and cannot be part of its calendar");
            }
            if (!listed.add(day.date())) {
                throw new CommandRefused("calendar.duplicate", day.date() + " is listed twice");
            }
            if (day.kind() == DayKind.WORKDAY && !day.onWeekend()) {
                throw new CommandRefused("calendar.workday-on-weekday", day.date() + " is a "
                        + day.date().getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH)
                        + "; a make-up working day (调休) must be a Saturday or Sunday");
            }
        }
        if (calendarId != null && days.equals(command.days()) && source.equals(command.source())) {
            return;
        }
        apply(new CalendarYearLoaded(command.calendarId(), command.year(), command.days(), command.source()));
    }

    @EventSourcingHandler
    void on(CalendarYearLoaded event) {
        calendarId = event.calendarId();
        days = event.days();
        source = event.source();
    }
}
