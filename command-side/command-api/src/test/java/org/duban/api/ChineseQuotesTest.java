package org.duban.api;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChineseQuotesTest {
    @Test
    void a_title_is_put_in_double_quotes() {
        assertThat(ChineseQuotes.quoted("中医药发展规划中期评估")).isEqualTo("“中医药发展规划中期评估”");
    }

    @Test
    void quotes_within_a_quoted_title_become_single_so_the_quotation_is_not_doubled() {
        assertThat(ChineseQuotes.quoted("“十四五”中医药发展规划中期评估"))
                .isEqualTo("“‘十四五’中医药发展规划中期评估”");
        assertThat(ChineseQuotes.quoted("关于“三医联动”与“医养结合”的任务"))
                .isEqualTo("“关于‘三医联动’与‘医养结合’的任务”");
    }
}
