package org.duban.query.calendar;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.queryhandling.QueryHandler;
import org.duban.api.MetadataKeys;
import org.duban.api.calendar.CalendarDay;
import org.duban.api.calendar.CalendarYearLoaded;
import org.duban.api.calendar.CalendarYearView;
import org.duban.api.calendar.FindCalendarYear;
import org.duban.api.calendar.ListCalendarYears;
import org.duban.query.ProjectionTables;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The working-day calendar: every loaded year with its listed days. */
@Component
@ProcessingGroup(CalendarProjection.PROCESSING_GROUP)
@ProjectionTables({"calendar_day", "calendar_year"})
class CalendarProjection {
    static final String PROCESSING_GROUP = "calendar";

    private final CalendarYearRepository years;
    private final CalendarDayRepository days;

    CalendarProjection(CalendarYearRepository years, CalendarDayRepository days) {
        this.years = years;
        this.days = days;
    }

    /**
     * Replaces the year's rows. Rows are changed in place rather than deleted and inserted again, because the
     * persistence context would insert a date's new row before deleting its old one.
     */
    @EventHandler
    void on(CalendarYearLoaded event, @Timestamp Instant at, @MetaDataValue(MetadataKeys.ACTOR_USER) String user) {
        Map<LocalDate, CalendarDayEntity> previous = days.findByYearOrderByDate(event.year()).stream()
                .collect(Collectors.toMap(CalendarDayEntity::date, Function.identity()));
        for (CalendarDay day : event.days()) {
            CalendarDayEntity row = previous.remove(day.date());
            if (row == null) {
                days.save(new CalendarDayEntity(day));
            } else {
                row.change(day);
            }
        }
        days.deleteAll(previous.values());
        CalendarYearEntity year = years.findById(event.year()).orElseGet(() -> new CalendarYearEntity(event.year()));
        year.loaded(event.source(), at, user);
        years.save(year);
    }

    @ResetHandler
    void reset() {
        days.deleteAllInBatch();
        years.deleteAllInBatch();
    }

    @QueryHandler
    Optional<CalendarYearView> handle(FindCalendarYear query) {
        return years.findById(query.year()).map(year -> year.toView(
                days.findByYearOrderByDate(query.year()).stream().map(CalendarDayEntity::toDay).toList()));
    }

    @QueryHandler
    List<CalendarYearView> handle(ListCalendarYears query) {
        Map<Integer, List<CalendarDay>> byYear = days.findAllByOrderByDate().stream().map(CalendarDayEntity::toDay)
                .collect(Collectors.groupingBy(day -> day.date().getYear(), LinkedHashMap::new, Collectors.toList()));
        return years.findAllByOrderByYear().stream()
                .map(year -> year.toView(byYear.getOrDefault(year.year(), List.of()))).toList();
    }
}
