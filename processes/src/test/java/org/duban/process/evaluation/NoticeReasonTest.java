package org.duban.process.evaluation;

import org.duban.api.evaluation.Grade;
import org.duban.api.evaluation.ItemKind;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class NoticeReasonTest {
    private static final NoticeItem POOR_TASK = new NoticeItem(ItemKind.TASK, "t-1", "unit-health", Grade.POOR,
            new BigDecimal("55.00"), "区卫生健康委");

    @Test
    void the_notice_gives_the_round_its_score_and_grade_as_a_sentence() {
        assertThat(RoundTimers.reason("中医药发展规划中期评估", POOR_TASK))
                .isEqualTo("在“中医药发展规划中期评估”中，该项得分55.00分，评定为差，按评估结果运用要求督办整改。");
    }

    @Test
    void a_round_title_with_quotes_of_its_own_is_quoted_once() {
        assertThat(RoundTimers.reason("“十四五”中医药发展规划中期评估", POOR_TASK))
                .startsWith("在“‘十四五’中医药发展规划中期评估”中，");
    }
}
