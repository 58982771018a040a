package org.duban.app.web;

import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class PeriodNamesTest {
    private final PeriodNames names = new PeriodNames();

    @Test
    void a_period_reads_in_chinese_words_by_default() {
        assertThat(names.name("2026-Q4", Locale.SIMPLIFIED_CHINESE)).isEqualTo("2026年第四季度");
        assertThat(names.name("2026-M11", Locale.SIMPLIFIED_CHINESE)).isEqualTo("2026年11月");
        assertThat(names.name("2026-M03", Locale.SIMPLIFIED_CHINESE)).isEqualTo("2026年3月");
        assertThat(names.name("2026-H1", Locale.SIMPLIFIED_CHINESE)).isEqualTo("2026年上半年");
        assertThat(names.name("2026-H2", Locale.SIMPLIFIED_CHINESE)).isEqualTo("2026年下半年");
        assertThat(names.name("2026", Locale.SIMPLIFIED_CHINESE)).isEqualTo("2026年");
    }

    @Test
    void a_period_reads_in_english_words_for_an_english_reader() {
        assertThat(names.name("2026-Q4", Locale.ENGLISH)).isEqualTo("Q4 2026");
        assertThat(names.name("2026-M11", Locale.ENGLISH)).isEqualTo("November 2026");
        assertThat(names.name("2026-H1", Locale.ENGLISH)).isEqualTo("H1 2026");
        assertThat(names.name("2026", Locale.ENGLISH)).isEqualTo("2026");
    }

    @Test
    void what_is_no_period_key_is_shown_as_it_is() {
        assertThat(names.name("next week", Locale.ENGLISH)).isEqualTo("next week");
        assertThat(names.name(null, Locale.ENGLISH)).isEmpty();
    }
}
