package org.duban.app.calendar;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.duban.api.calendar.CalendarDay;
import org.duban.api.calendar.CalendarYearLoaded;
import org.duban.api.calendar.DayKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Counting working days on the shipped 2025 calendar, read as the application reads it. */
class CalendarWorkingDaysTest {
    private final Map<Integer, List<CalendarDay>> loaded = new HashMap<>();
    private final Map<Integer, AtomicInteger> reads = new HashMap<>();
    private final CalendarWorkingDays calendar = new CalendarWorkingDays(year -> {
        reads.computeIfAbsent(year, y -> new AtomicInteger()).incrementAndGet();
        return Optional.ofNullable(loaded.get(year));
    });
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final Logger log = (Logger) LoggerFactory.getLogger(CalendarWorkingDays.class);

    @BeforeEach
    void setUp() {
        loaded.put(2025, CalendarCsv.read(2025, CalendarCsvTest.shipped(2025)).days());
        logged.start();
        log.addAppender(logged);
    }

    @AfterEach
    void tearDown() {
        log.detachAppender(logged);
    }

    private static LocalDate day(String date) {
        return LocalDate.parse(date);
    }

    @Test
    void holidays_are_off_and_make_up_days_are_worked() {
        assertThat(calendar.isWorkingDay(day("2025-10-01"))).as("国庆节, Wednesday").isFalse();
        assertThat(calendar.isWorkingDay(day("2025-02-08"))).as("春节调休, Saturday").isTrue();
        assertThat(calendar.isWorkingDay(day("2025-01-26"))).as("春节调休, Sunday").isTrue();
        assertThat(calendar.isWorkingDay(day("2025-02-09"))).as("an ordinary Sunday").isFalse();
        assertThat(calendar.isWorkingDay(day("2025-03-03"))).as("an ordinary Monday").isTrue();
    }

    @Test
    void on_or_after_skips_a_holiday_period() {
        assertThat(calendar.onOrAfter(day("2025-10-01"))).isEqualTo(day("2025-10-09"));
        assertThat(calendar.onOrAfter(day("2025-01-28"))).isEqualTo(day("2025-02-05"));
        assertThat(calendar.onOrAfter(day("2025-09-30"))).isEqualTo(day("2025-09-30"));
    }

    @Test
    void plus_counts_make_up_days_and_skips_holidays() {
        assertThat(calendar.plus(day("2025-09-26"), 1)).as("Friday + 1 is the make-up Sunday").isEqualTo(day("2025-09-28"));
        assertThat(calendar.plus(day("2025-09-26"), 3)).isEqualTo(day("2025-09-30"));
        assertThat(calendar.plus(day("2025-09-26"), 4)).isEqualTo(day("2025-10-09"));
        assertThat(calendar.plus(day("2025-10-01"), 0)).isEqualTo(calendar.onOrAfter(day("2025-10-01")));
        assertThat(calendar.plus(day("2025-12-31"), 1)).as("into 2026, not loaded here").isEqualTo(day("2026-01-01"));
    }

    @Test
    void minus_counts_back_over_holidays() {
        assertThat(calendar.minus(day("2025-10-09"), 1)).isEqualTo(day("2025-09-30"));
        assertThat(calendar.minus(day("2025-09-29"), 1)).as("back to the make-up Sunday").isEqualTo(day("2025-09-28"));
        assertThat(calendar.minus(day("2025-10-05"), 0)).as("a holiday counts from the day before it")
                .isEqualTo(day("2025-09-30"));
        assertThat(calendar.minus(day("2025-02-10"), 5)).isEqualTo(day("2025-01-27"));
        assertThat(calendar.minus(day("2025-02-10"), 6)).isEqualTo(day("2025-01-26"));
    }

    @Test
    void negative_counts_are_refused() {
        assertThatThrownBy(() -> calendar.plus(day("2025-01-02"), -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("workingDays must not be negative, not -1");
        assertThatThrownBy(() -> calendar.minus(day("2025-01-02"), -2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_year_without_a_calendar_counts_weekends_only_and_says_so_once() {
        assertThat(calendar.isWorkingDay(day("2031-01-01"))).as("元旦 2031, a Wednesday, is not known").isTrue();
        assertThat(calendar.isWorkingDay(day("2031-01-04"))).as("a Saturday").isFalse();
        assertThat(calendar.onOrAfter(day("2031-01-04"))).isEqualTo(day("2031-01-06"));
        assertThat(calendar.plus(day("2031-01-03"), 1)).isEqualTo(day("2031-01-06"));
        assertThat(calendar.minus(day("2031-01-06"), 1)).isEqualTo(day("2031-01-03"));

        assertThat(logged.list).filteredOn(event -> event.getLevel() == Level.WARN)
                .extracting(ILoggingEvent::getFormattedMessage)
                .containsExactly("no working-day calendar is loaded for 2031: counting only Saturdays and Sundays as "
                        + "days off (an administrator loads it with PUT /api/calendar/2031)");
        assertThat(reads.get(2031)).hasValue(1);
    }

    @Test
    void a_year_is_read_once_and_again_after_it_is_loaded() {
        assertThat(calendar.isWorkingDay(day("2028-01-03"))).isTrue();
        assertThat(calendar.isWorkingDay(day("2028-01-04"))).isTrue();
        assertThat(reads.get(2028)).hasValue(1);

        List<CalendarDay> days = List.of(new CalendarDay(day("2028-01-03"), DayKind.HOLIDAY, "元旦"),
                new CalendarDay(day("2028-01-08"), DayKind.WORKDAY, "元旦调休"));
        loaded.put(2028, days);
        calendar.on(new CalendarYearLoaded("calendar-2028", 2028, days, "upload"));

        assertThat(calendar.isWorkingDay(day("2028-01-03"))).isFalse();
        assertThat(calendar.isWorkingDay(day("2028-01-08"))).isTrue();
        assertThat(reads.get(2028)).hasValue(2);
        assertThat(calendar.isWorkingDay(day("2025-10-01"))).isFalse();
        assertThat(reads.get(2025)).as("other years stay cached").hasValue(1);
    }

    @Test
    void a_year_loaded_on_another_node_is_read_again_once_the_calendar_version_moved() {
        AtomicInteger version = new AtomicInteger();
        CalendarWorkingDays node = new CalendarWorkingDays(year -> {
            reads.computeIfAbsent(year, y -> new AtomicInteger()).incrementAndGet();
            return Optional.ofNullable(loaded.get(year));
        }, version::get);
        assertThat(node.isWorkingDay(day("2028-01-03"))).isTrue();
        assertThat(node.plus(day("2028-01-03"), 2)).isEqualTo(day("2028-01-05"));
        assertThat(reads.get(2028)).as("kept while the version stands").hasValue(1);

        // loaded through another node: no event reaches this one, only the stored calendar changed
        loaded.put(2028, List.of(new CalendarDay(day("2028-01-03"), DayKind.HOLIDAY, "元旦"),
                new CalendarDay(day("2028-01-04"), DayKind.HOLIDAY, "元旦")));
        assertThat(node.isWorkingDay(day("2028-01-03"))).as("the version did not move yet: still kept").isTrue();
        version.incrementAndGet();

        assertThat(node.isWorkingDay(day("2028-01-03"))).isFalse();
        assertThat(node.plus(day("2028-01-03"), 2)).isEqualTo(day("2028-01-07"));
        assertThat(node.minus(day("2028-01-05"), 1)).isEqualTo(day("2027-12-31"));
        assertThat(reads.get(2028)).hasValue(2);
    }

    @Test
    void years_outside_the_loadable_range_count_weekends_only() {
        assertThat(calendar.isWorkingDay(day("1999-12-31"))).isTrue();
        assertThat(calendar.isWorkingDay(day("2101-01-01"))).isFalse();
        assertThat(reads).doesNotContainKeys(1999, 2101);
    }
}
