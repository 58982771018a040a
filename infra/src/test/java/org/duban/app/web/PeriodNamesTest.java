package org.duban.app.web;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class PeriodNamesTest {
    private final PeriodNames names = new PeriodNames(messages());

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("i18n/common");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    @Test
    void periods_read_in_words_in_chinese() {
        Locale zh = Locale.SIMPLIFIED_CHINESE;
        assertThat(names.name("2026-Q4", zh)).isEqualTo("2026年第四季度");
        assertThat(names.name("2026-M11", zh)).isEqualTo("2026年11月");
        assertThat(names.name("2026-H1", zh)).isEqualTo("2026年上半年");
        assertThat(names.name("2026", zh)).isEqualTo("2026年");
    }

    @Test
    void periods_read_in_words_in_english() {
        assertThat(names.name("2026-Q4", Locale.ENGLISH)).isEqualTo("Q4 2026");
        assertThat(names.name("2026-M11", Locale.ENGLISH)).isEqualTo("November 2026");
        assertThat(names.name("2026-H1", Locale.ENGLISH)).isEqualTo("H1 2026");
        assertThat(names.name("2026", Locale.ENGLISH)).isEqualTo("2026");
    }

    @Test
    void a_key_that_is_no_period_is_shown_as_it_is() {
        assertThat(names.name("someday", Locale.ENGLISH)).isEqualTo("someday");
    }
}
