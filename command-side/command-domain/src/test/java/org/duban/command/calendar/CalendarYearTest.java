package org.duban.command.calendar;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.duban.api.CommandRefused;
import org.duban.api.calendar.CalendarDay;
import org.duban.api.calendar.CalendarYearLoaded;
import org.duban.api.calendar.DayKind;
import org.duban.api.calendar.FindCalendarYear;
import org.duban.api.calendar.LoadCalendarYear;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CalendarYearTest {
    private static final String ID = "calendar-2025";
    private static final String SOURCE = "shipped:cn-2025.csv";
    private static final CalendarDay NEW_YEAR = holiday("2025-01-01", "元旦");
    private static final CalendarDay MAKE_UP = workday("2025-01-26", "春节调休");
    private static final CalendarDay EVE = holiday("2025-01-28", "春节");
    private static final CalendarYearLoaded LOADED = new CalendarYearLoaded(ID, 2025, List.of(NEW_YEAR, MAKE_UP, EVE), SOURCE);

    private final AggregateTestFixture<CalendarYear> fixture = new AggregateTestFixture<>(CalendarYear.class);

    @Test
    void loading_a_year_records_its_days_in_date_order() {
        fixture.givenNoPriorActivity()
                .when(LoadCalendarYear.of(2025, List.of(EVE, NEW_YEAR, MAKE_UP), SOURCE))
                .expectSuccessfulHandlerExecution()
                .expectEvents(LOADED);
    }

    @Test
    void a_year_without_listed_days_is_weekends_only_and_may_be_loaded() {
        fixture.givenNoPriorActivity()
                .when(LoadCalendarYear.of(2031, null, "upload"))
                .expectEvents(new CalendarYearLoaded("calendar-2031", 2031, List.of(), "upload"));
    }

    @Test
    void loading_the_same_days_from_the_same_source_again_changes_nothing() {
        fixture.given(LOADED)
                .when(LoadCalendarYear.of(2025, List.of(MAKE_UP, EVE, NEW_YEAR), SOURCE))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void loading_other_days_replaces_the_year() {
        CalendarDay secondDay = holiday("2025-01-29", "春节");
        fixture.given(LOADED)
                .when(LoadCalendarYear.of(2025, List.of(NEW_YEAR, EVE, secondDay), "upload"))
                .expectEvents(new CalendarYearLoaded(ID, 2025, List.of(NEW_YEAR, EVE, secondDay), "upload"));
    }

    @Test
    void the_same_days_from_another_source_are_recorded_as_loaded_again() {
        fixture.given(LOADED)
                .when(LoadCalendarYear.of(2025, List.of(NEW_YEAR, MAKE_UP, EVE), "国办发明电〔2024〕12号"))
                .expectEvents(new CalendarYearLoaded(ID, 2025, List.of(NEW_YEAR, MAKE_UP, EVE), "国办发明电〔2024〕12号"));
    }

    @Test
    void a_holiday_may_fall_on_any_day_of_the_week() {
        CalendarDay saturday = holiday("2025-04-05", "清明节");
        CalendarDay sunday = holiday("2025-04-06", "清明节");
        fixture.givenNoPriorActivity()
                .when(LoadCalendarYear.of(2025, List.of(holiday("2025-04-04", "清明节"), saturday, sunday), SOURCE))
                .expectEvents(new CalendarYearLoaded(ID, 2025,
                        List.of(holiday("2025-04-04", "清明节"), saturday, sunday), SOURCE));
    }

    @Test
    void a_day_of_another_year_is_refused() {
        fixture.givenNoPriorActivity()
                .when(LoadCalendarYear.of(2025, List.of(NEW_YEAR, holiday("2026-01-01", "元旦")), SOURCE))
                .expectException(CommandRefused.class)
                .expectExceptionMessage("2026-01-01 is not in 2025 and cannot be part of its calendar")
                .expectNoEvents();
    }

    @Test
    void a_date_listed_twice_is_refused_even_with_the_same_kind() {
        fixture.givenNoPriorActivity()
                .when(LoadCalendarYear.of(2025, List.of(NEW_YEAR, holiday("2025-01-01", "元旦")), SOURCE))
                .expectException(CommandRefused.class)
                .expectExceptionMessage("2025-01-01 is listed twice")
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(LoadCalendarYear.of(2025, List.of(MAKE_UP, holiday("2025-01-26", "春节")), SOURCE))
                .expectException(CommandRefused.class)
                .expectExceptionMessage("2025-01-26 is listed twice");
    }

    @Test
    void a_make_up_working_day_on_a_weekday_is_refused() {
        fixture.givenNoPriorActivity()
                .when(LoadCalendarYear.of(2025, List.of(workday("2025-01-27", "春节调休")), SOURCE))
                .expectException(CommandRefused.class)
                .expectExceptionMessage("2025-01-27 is a Monday; a make-up working day (调休) must be a Saturday or Sunday")
                .expectNoEvents();
    }

    @Test
    void a_refused_reload_leaves_the_loaded_year_as_it_was() {
        fixture.given(LOADED)
                .when(LoadCalendarYear.of(2025, List.of(workday("2025-10-09", "国庆节调休")), "upload"))
                .expectException(CommandRefused.class)
                .expectNoEvents();
    }

    @Test
    void the_calendar_id_follows_from_the_year() {
        assertThat(LoadCalendarYear.of(2026, List.of(), "upload").calendarId()).isEqualTo("calendar-2026");
        assertThatThrownBy(() -> new LoadCalendarYear("calendar-2025", 2026, List.of(), "upload"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("calendarId of year 2026 must be calendar-2026");
    }

    @Test
    void malformed_messages_cannot_be_made() {
        assertThatThrownBy(() -> LoadCalendarYear.of(1999, List.of(), "upload"))
                .hasMessage("year 1999 must be between 2000 and 2100");
        assertThatThrownBy(() -> LoadCalendarYear.of(2101, List.of(), "upload"))
                .hasMessage("year 2101 must be between 2000 and 2100");
        assertThatThrownBy(() -> new FindCalendarYear(1949)).hasMessage("year 1949 must be between 2000 and 2100");
        assertThatThrownBy(() -> new CalendarDay(null, DayKind.HOLIDAY, "元旦")).hasMessage("date is required");
        assertThatThrownBy(() -> new CalendarDay(LocalDate.of(2025, 1, 1), null, "元旦"))
                .hasMessage("kind of 2025-01-01 is required");
        assertThatThrownBy(() -> LoadCalendarYear.of(2025, Arrays.asList(NEW_YEAR, null), SOURCE))
                .hasMessage("days of 2025 must not contain empty entries");
        assertThatThrownBy(() -> LoadCalendarYear.of(2025, List.of(NEW_YEAR), " "))
                .hasMessage("source must not be blank");
        assertThat(new CalendarDay(LocalDate.of(2025, 1, 1), DayKind.HOLIDAY, "  ").name()).isNull();
    }

    private static CalendarDay holiday(String date, String name) {
        return new CalendarDay(LocalDate.parse(date), DayKind.HOLIDAY, name);
    }

    private static CalendarDay workday(String date, String name) {
        return new CalendarDay(LocalDate.parse(date), DayKind.WORKDAY, name);
    }
}
