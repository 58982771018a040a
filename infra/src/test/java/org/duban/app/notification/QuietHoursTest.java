package org.duban.app.notification;

import org.duban.process.calendar.WorkingDays;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** When messages may go out: working hours of working days in Asia/Shanghai, listed supervision at any time. */
class QuietHoursTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** 2026-10-01 to 10-07 National Day holiday; Saturday 2026-10-10 is a make-up working day (调休). */
    private static final Set<LocalDate> HOLIDAYS = Set.of(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 2),
            LocalDate.of(2026, 10, 5), LocalDate.of(2026, 10, 6), LocalDate.of(2026, 10, 7));
    private static final Set<LocalDate> MAKE_UP = Set.of(LocalDate.of(2026, 10, 10));

    private final QuietHours quiet = new QuietHours(new Calendar(), LocalTime.of(20, 0), LocalTime.of(8, 30), SHANGHAI);

    private static Instant at(int month, int day, int hour, int minute) {
        return LocalDateTime.of(2026, month, day, hour, minute).atZone(SHANGHAI).toInstant();
    }

    @Test
    void working_hours_of_a_working_day_allow_sending_at_once() {
        // Tuesday 1 December 2026
        assertThat(quiet.allows(at(12, 1, 8, 30), false)).isTrue();
        assertThat(quiet.allows(at(12, 1, 14, 0), false)).isTrue();
        assertThat(quiet.allows(at(12, 1, 19, 59), false)).isTrue();
        assertThat(quiet.nextAllowed(at(12, 1, 14, 0))).isEqualTo(at(12, 1, 14, 0));
    }

    @Test
    void at_night_a_message_waits_for_half_past_eight_the_next_working_morning() {
        assertThat(quiet.allows(at(12, 1, 20, 0), false)).isFalse();
        assertThat(quiet.nextAllowed(at(12, 1, 20, 0))).isEqualTo(at(12, 2, 8, 30));
        assertThat(quiet.nextAllowed(at(12, 1, 23, 59))).isEqualTo(at(12, 2, 8, 30));
        // after midnight: the same morning
        assertThat(quiet.allows(at(12, 2, 0, 0), false)).isFalse();
        assertThat(quiet.nextAllowed(at(12, 2, 8, 29))).isEqualTo(at(12, 2, 8, 30));
    }

    @Test
    void on_a_weekend_a_message_waits_for_monday_morning() {
        // Friday evening, Saturday noon and Sunday night all go out on Monday 7 December at 08:30
        assertThat(quiet.nextAllowed(at(12, 4, 21, 0))).isEqualTo(at(12, 7, 8, 30));
        assertThat(quiet.allows(at(12, 5, 12, 0), false)).isFalse();
        assertThat(quiet.nextAllowed(at(12, 5, 12, 0))).isEqualTo(at(12, 7, 8, 30));
        assertThat(quiet.nextAllowed(at(12, 6, 23, 0))).isEqualTo(at(12, 7, 8, 30));
    }

    @Test
    void public_holidays_are_days_off_and_a_make_up_saturday_is_a_working_day() {
        // the evening before the holiday waits through it to Thursday 8 October
        assertThat(quiet.nextAllowed(at(9, 30, 20, 30))).isEqualTo(at(10, 8, 8, 30));
        assertThat(quiet.allows(at(10, 5, 10, 0), false)).isFalse();
        // Saturday 10 October is worked: a message goes out that day
        assertThat(quiet.allows(at(10, 10, 10, 0), false)).isTrue();
        assertThat(quiet.nextAllowed(at(10, 9, 22, 0))).isEqualTo(at(10, 10, 8, 30));
        // and Sunday 11 October is not
        assertThat(quiet.nextAllowed(at(10, 11, 10, 0))).isEqualTo(at(10, 12, 8, 30));
    }

    @Test
    void listed_supervision_passes_at_night_and_on_days_off() {
        assertThat(quiet.allows(at(12, 1, 23, 0), true)).isTrue();
        assertThat(quiet.allows(at(12, 5, 3, 0), true)).isTrue();
        assertThat(quiet.allows(at(10, 1, 12, 0), true)).isTrue();
    }

    @Test
    void the_hours_are_those_of_shanghai_whatever_the_servers_zone() {
        // 00:30 UTC is 08:30 in Shanghai
        assertThat(quiet.allows(Instant.parse("2026-12-01T00:30:00Z"), false)).isTrue();
        assertThat(quiet.allows(Instant.parse("2026-12-01T00:29:59Z"), false)).isFalse();
        assertThat(quiet.allows(Instant.parse("2026-12-01T12:00:00Z"), false)).isFalse();
    }

    /** Weekends off, the listed holidays off, the listed make-up days worked. */
    private static final class Calendar implements WorkingDays {
        @Override
        public boolean isWorkingDay(LocalDate day) {
            if (MAKE_UP.contains(day)) {
                return true;
            }
            return !HOLIDAYS.contains(day) && day.getDayOfWeek() != DayOfWeek.SATURDAY
                    && day.getDayOfWeek() != DayOfWeek.SUNDAY;
        }

        @Override
        public LocalDate onOrAfter(LocalDate day) {
            LocalDate d = day;
            while (!isWorkingDay(d)) {
                d = d.plusDays(1);
            }
            return d;
        }

        @Override
        public LocalDate plus(LocalDate day, int workingDays) {
            throw new UnsupportedOperationException();
        }

        @Override
        public LocalDate minus(LocalDate day, int workingDays) {
            throw new UnsupportedOperationException();
        }
    }
}
