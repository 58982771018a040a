package org.duban.app.web;

import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** Periods are shown in words, as the offices write them. */
class PeriodNamesTest {
    private final PeriodNames names = new PeriodNames();

    @Test
    void a_period_reads_in_chinese_words() {
        assertThat(names.name("2026-Q4", Locale.SIMPLIFIED_CHINESE)).isEqualTo("2026年第四季度");
        assertThat(names.name("2026-M11", Locale.SIMPLIFIED_CHINESE)).isEqualTo("2026年11月");
        assertThat(names.name("2026-H1", Locale.SIMPLIFIED_CHINESE)).isEqualTo("2026年上半年");
        assertThat(names.name("2026-H2", Locale.SIMPLIFIED_CHINESE)).isEqualTo("2026年下半年");
        assertThat(names.name("2026", Locale.SIMPLIFIED_CHINESE)).isEqualTo("2026年");
    }

    @Test
    void a_period_reads_in_english_words() {
        assertThat(names.name("2026-Q4", Locale.ENGLISH)).isEqualTo("Q4 2026");
        assertThat(names.name("2026-M11", Locale.ENGLISH)).isEqualTo("November 2026");
        assertThat(names.name("2026-H1", Locale.ENGLISH)).isEqualTo("H1 2026");
        assertThat(names.name("2026", Locale.ENGLISH)).isEqualTo("2026");
    }

    @Test
    void a_key_of_no_known_shape_is_shown_as_it_is() {
        assertThat(names.name("2026-M13", Locale.SIMPLIFIED_CHINESE)).isEqualTo("2026-M13");
        assertThat(names.name("later", Locale.ENGLISH)).isEqualTo("later");
        assertThat(names.name(null, Locale.ENGLISH)).isEmpty();
    }
}
