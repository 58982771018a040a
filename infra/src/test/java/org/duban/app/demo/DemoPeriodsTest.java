package org.duban.app.demo;

import org.duban.api.reporting.Cadence;
import org.duban.api.reporting.ReportingPeriod;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

class DemoPeriodsTest {
    // overdue on the 20th of the month after the period, as due on the 10th with a grace of about a week
    private static final Function<ReportingPeriod, LocalDate> OVERDUE_ON = period -> period.end().plusMonths(1)
            .withDayOfMonth(20);

    private static List<String> chosen(LocalDate today, int startYear, int endYear) {
        return DemoPeriods.choose(Cadence.QUARTERLY, today, startYear, endYear, OVERDUE_ON).stream()
                .map(ReportingPeriod::key).toList();
    }

    @Test
    void the_previous_quarter_is_opened_with_the_current_one_when_it_is_overdue_already() {
        assertThat(chosen(LocalDate.of(2026, 12, 1), 2024, 2027)).containsExactly("2026-Q3", "2026-Q4");
        assertThat(chosen(LocalDate.of(2026, 10, 20), 2024, 2027)).containsExactly("2026-Q3", "2026-Q4");
    }

    @Test
    void early_in_a_quarter_one_more_quarter_back_is_opened_so_that_one_report_is_overdue() {
        assertThat(chosen(LocalDate.of(2027, 1, 5), 2024, 2027)).containsExactly("2026-Q3", "2026-Q4", "2027-Q1");
        assertThat(chosen(LocalDate.of(2026, 10, 19), 2024, 2027)).containsExactly("2026-Q2", "2026-Q3", "2026-Q4");
    }

    @Test
    void after_the_plan_s_years_its_last_two_quarters_are_opened() {
        assertThat(chosen(LocalDate.of(2028, 3, 1), 2024, 2027)).containsExactly("2027-Q3", "2027-Q4");
    }

    @Test
    void no_period_before_the_plan_s_first_year_is_opened() {
        assertThat(chosen(LocalDate.of(2024, 2, 1), 2024, 2027)).containsExactly("2024-Q1");
    }
}
