package org.duban.query.calendar;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.duban.api.calendar.CalendarDay;
import org.duban.api.calendar.CalendarYearLoaded;
import org.duban.api.calendar.CalendarYearView;
import org.duban.api.calendar.CalendarYears;
import org.duban.api.calendar.DayKind;
import org.duban.api.calendar.FindCalendarYear;
import org.duban.api.calendar.ListCalendarYears;
import org.duban.query.Projections;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Given a year's calendar loaded and loaded again, the calendar shows the days of the last load, where they came from and who loaded them. */
@DataJpaTest(showSql = false)
class CalendarProjectionTest {
    private static final CalendarDay NEW_YEAR = new CalendarDay(LocalDate.of(2091, 1, 1), DayKind.HOLIDAY, "元旦");
    private static final CalendarDay SPRING = new CalendarDay(LocalDate.of(2091, 2, 5), DayKind.HOLIDAY, "春节");
    private static final CalendarDay MAKE_UP = new CalendarDay(LocalDate.of(2091, 2, 3), DayKind.WORKDAY, "春节调休");

    @Autowired
    Projections projections;

    private static CalendarYearLoaded loaded(int year, String source, CalendarDay... days) {
        return new CalendarYearLoaded(CalendarYears.calendarId(year), year, List.of(days), source);
    }

    private CalendarYearView year(int year) {
        return projections.query(new FindCalendarYear(year), ResponseTypes.instanceOf(CalendarYearView.class));
    }

    @Test
    void a_loaded_year_lists_its_days_in_date_order_with_its_source_and_loader() {
        projections.given(loaded(2091, "国务院办公厅通知", SPRING, NEW_YEAR));

        CalendarYearView year = year(2091);
        assertThat(year.days()).containsExactly(NEW_YEAR, SPRING);
        assertThat(year.source()).isEqualTo("国务院办公厅通知");
        assertThat(year.loadedBy()).isEqualTo(Projections.USER);
        assertThat(year.loadedAt()).isEqualTo(projections.lastEventAt());
    }

    @Test
    void a_reloaded_year_keeps_only_the_days_of_the_last_load_and_changes_a_day_in_place() {
        CalendarDay springRenamed = new CalendarDay(SPRING.date(), DayKind.HOLIDAY, "春节假期");
        projections.given(loaded(2091, "初稿", NEW_YEAR, SPRING),
                loaded(2091, "国务院办公厅通知", MAKE_UP, springRenamed));

        CalendarYearView year = year(2091);
        assertThat(year.days()).containsExactly(MAKE_UP, springRenamed);
        assertThat(year.source()).isEqualTo("国务院办公厅通知");
    }

    @Test
    void years_are_listed_earliest_first_each_with_its_own_days_and_a_year_not_loaded_is_not_found() {
        CalendarDay later = new CalendarDay(LocalDate.of(2092, 1, 1), DayKind.HOLIDAY, "元旦");
        projections.given(loaded(2092, "通知", later), loaded(2091, "通知", NEW_YEAR));

        assertThat(projections.query(new ListCalendarYears(), ResponseTypes.multipleInstancesOf(CalendarYearView.class)))
                .filteredOn(view -> view.year() >= 2091).extracting(CalendarYearView::year, CalendarYearView::days)
                .containsExactly(tuple(2091, List.of(NEW_YEAR)),
                        tuple(2092, List.of(later)));
        assertThat(year(2093)).isNull();
    }
}
