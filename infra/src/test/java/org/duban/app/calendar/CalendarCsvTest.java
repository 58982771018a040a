package org.duban.app.calendar;

import org.duban.api.calendar.CalendarDay;
import org.duban.api.calendar.DayKind;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CalendarCsvTest {

    static byte[] shipped(int year) {
        try (InputStream in = CalendarCsvTest.class.getResourceAsStream("/calendar/cn-" + year + ".csv")) {
            if (in == null) {
                throw new IllegalStateException("cn-" + year + ".csv is not shipped");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CalendarCsv.CalendarFile read(int year, String text) {
        return CalendarCsv.read(year, text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void the_shipped_years_follow_the_state_council_notices() {
        CalendarCsv.CalendarFile y2025 = CalendarCsv.read(2025, shipped(2025));
        assertThat(y2025.provisional()).isFalse();
        assertThat(y2025.days()).filteredOn(day -> day.kind() == DayKind.HOLIDAY).hasSize(28);
        assertThat(y2025.days()).filteredOn(day -> day.kind() == DayKind.WORKDAY).extracting(CalendarDay::date)
                .containsExactly(LocalDate.of(2025, 1, 26), LocalDate.of(2025, 2, 8), LocalDate.of(2025, 4, 27),
                        LocalDate.of(2025, 9, 28), LocalDate.of(2025, 10, 11));
        assertThat(y2025.days()).contains(new CalendarDay(LocalDate.of(2025, 1, 28), DayKind.HOLIDAY, "春节"),
                new CalendarDay(LocalDate.of(2025, 1, 26), DayKind.WORKDAY, "春节调休"));

        CalendarCsv.CalendarFile y2026 = CalendarCsv.read(2026, shipped(2026));
        assertThat(y2026.provisional()).isFalse();
        assertThat(y2026.days()).filteredOn(day -> day.kind() == DayKind.HOLIDAY).hasSize(33);
        assertThat(y2026.days()).filteredOn(day -> day.kind() == DayKind.WORKDAY).extracting(CalendarDay::date)
                .containsExactly(LocalDate.of(2026, 1, 4), LocalDate.of(2026, 2, 14), LocalDate.of(2026, 2, 28),
                        LocalDate.of(2026, 5, 9), LocalDate.of(2026, 9, 20), LocalDate.of(2026, 10, 10));
    }

    @Test
    void the_shipped_2027_is_provisional_and_lists_the_13_statutory_holidays() {
        CalendarCsv.CalendarFile y2027 = CalendarCsv.read(2027, shipped(2027));
        assertThat(y2027.provisional()).isTrue();
        assertThat(y2027.days()).hasSize(13).allSatisfy(day -> assertThat(day.kind()).isEqualTo(DayKind.HOLIDAY));
        assertThat(ShippedCalendars.source("cn-2027.csv", y2027)).isEqualTo("shipped:cn-2027.csv (provisional)");
        assertThat(ShippedCalendars.source("cn-2025.csv", CalendarCsv.read(2025, shipped(2025))))
                .isEqualTo("shipped:cn-2025.csv");
    }

    @Test
    void comments_blank_lines_a_byte_order_mark_quotes_and_a_missing_name_are_read() {
        CalendarCsv.CalendarFile file = read(2028, "\uFEFF# from the notice\n\nDate,Kind,Name\r\n"
                + "2028-01-01, holiday ,元旦\n# a comment between days\n\"2028-10-01\",HOLIDAY,\"国庆节,中秋节\"\n"
                + "2028-10-07,WORKDAY\n2028-10-08,WORKDAY,\n");
        assertThat(file.days()).containsExactly(
                new CalendarDay(LocalDate.of(2028, 1, 1), DayKind.HOLIDAY, "元旦"),
                new CalendarDay(LocalDate.of(2028, 10, 1), DayKind.HOLIDAY, "国庆节,中秋节"),
                new CalendarDay(LocalDate.of(2028, 10, 7), DayKind.WORKDAY, null),
                new CalendarDay(LocalDate.of(2028, 10, 8), DayKind.WORKDAY, null));
        assertThat(file.provisional()).isFalse();
    }

    @Test
    void every_bad_line_is_named_with_its_value() {
        String text = """
                date,kind,name
                2028-01-01,HOLIDAY,元旦
                2028-02-30,HOLIDAY,春节
                2028-01-26,REST,春节
                2027-12-31,HOLIDAY,元旦
                2028-01-01,HOLIDAY,元旦
                2028-01-05,WORKDAY,春节调休
                2028-01-06
                """;
        assertThatThrownBy(() -> read(2028, text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the calendar of 2028 is not loaded: "
                        + "line 3: \"2028-02-30\" is not a date of the form 2025-01-28; "
                        + "line 4: kind \"REST\" is neither HOLIDAY nor WORKDAY; "
                        + "line 5: 2027-12-31 is not in 2028; "
                        + "line 6: 2028-01-01 is already listed on line 2; "
                        + "line 7: 2028-01-05 is a Wednesday; a WORKDAY (调休) must be a Saturday or Sunday; "
                        + "line 8: \"2028-01-06\" must have the columns date,kind,name");
    }

    @Test
    void a_file_without_header_or_days_or_in_another_encoding_is_refused() {
        assertThatThrownBy(() -> read(2028, "2028-01-01,HOLIDAY,元旦\n"))
                .hasMessage("the calendar of 2028 is not loaded: line 1: the first line must be the header "
                        + "date,kind,name, not \"2028-01-01,HOLIDAY,元旦\"");
        assertThatThrownBy(() -> read(2028, "# only a comment\n"))
                .hasMessage("the calendar of 2028 is not loaded: the calendar has no header date,kind,name");
        assertThatThrownBy(() -> read(2028, "date,kind,name\n"))
                .hasMessage("the calendar of 2028 is not loaded: the calendar lists no days");
        assertThatThrownBy(() -> CalendarCsv.read(2028, new byte[0]))
                .hasMessage("the calendar is empty: send CSV text with the header date,kind,name");
        assertThatThrownBy(() -> CalendarCsv.read(2028,
                "date,kind,name\n2028-01-01,HOLIDAY,元旦\n".getBytes(Charset.forName("GB18030"))))
                .hasMessage("the calendar is not UTF-8 text: save it as CSV UTF-8");
        assertThatThrownBy(() -> read(2028, "date,kind,name\n2028-01-01,HOLIDAY,\"元旦\n"))
                .hasMessage("the calendar of 2028 is not loaded: line 2: \"2028-01-01,HOLIDAY,\"元旦\" is not a CSV "
                        + "line (check its quotes)");
        assertThatThrownBy(() -> CalendarCsv.read(2028, new byte[CalendarCsv.MAX_BYTES + 1]))
                .hasMessage("the calendar is larger than 256 KB");
        assertThatThrownBy(() -> read(1999, "date,kind,name\n1999-01-01,HOLIDAY,元旦\n"))
                .hasMessage("year 1999 must be between 2000 and 2100");
    }
}
