package org.duban.app.reporting;

import org.duban.api.reporting.Cadence;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class PeriodChoicesTest {

    @Test
    void a_quarterly_cadence_offers_every_quarter_of_the_plans_years_marking_the_open_ones_and_todays() {
        List<PeriodChoices.Choice> choices = PeriodChoices.periods(Cadence.QUARTERLY, 2026, 2027, Set.of("2026-Q3"),
                LocalDate.of(2026, 12, 1));

        assertThat(choices).hasSize(8);
        assertThat(choices).extracting(PeriodChoices.Choice::key).startsWith("2026-Q1", "2026-Q2").endsWith("2027-Q4");
        assertThat(choices).filteredOn(PeriodChoices.Choice::open).extracting(PeriodChoices.Choice::key)
                .containsExactly("2026-Q3");
        assertThat(choices).filteredOn(PeriodChoices.Choice::current)
                .extracting(PeriodChoices.Choice::key, PeriodChoices.Choice::start, PeriodChoices.Choice::end)
                .containsExactly(tuple("2026-Q4", LocalDate.of(2026, 10, 1), LocalDate.of(2026, 12, 31)));
    }

    @Test
    void monthly_half_yearly_and_yearly_cadences_cut_the_years_as_they_say() {
        assertThat(PeriodChoices.periods(Cadence.MONTHLY, 2026, 2026, Set.of(), LocalDate.of(2026, 1, 1)))
                .extracting(PeriodChoices.Choice::key).hasSize(12).startsWith("2026-M01").endsWith("2026-M12");
        assertThat(PeriodChoices.periods(Cadence.HALF_YEARLY, 2026, 2027, Set.of(), LocalDate.of(2026, 1, 1)))
                .extracting(PeriodChoices.Choice::key).containsExactly("2026-H1", "2026-H2", "2027-H1", "2027-H2");
        assertThat(PeriodChoices.periods(Cadence.YEARLY, 2024, 2027, Set.of(), LocalDate.of(2026, 1, 1)))
                .extracting(PeriodChoices.Choice::key).containsExactly("2024", "2025", "2026", "2027");
    }
}
