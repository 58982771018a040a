package org.duban.api.indicator;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TargetTest {

    @ParameterizedTest(name = "{0} is {1} [{2}, {3}] percent={4}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "1           | EXACT    | 1    | 1    | false",
            "2.5         | EXACT    | 2.5  | 2.5  | false",
            "100%        | EXACT    | 100  | 100  | true",
            "13—15       | RANGE    | 13   | 15   | false",
            "1—2         | RANGE    | 1    | 2    | false",
            "4—6         | RANGE    | 4    | 6    | false",
            "1-2         | RANGE    | 1    | 2    | false",
            "10%～20%     | RANGE    | 10   | 20   | true",
            "不少于16      | AT_LEAST | 16   | null | false",
            "不低于20%     | AT_LEAST | 20   | null | true",
            "≥90%        | AT_LEAST | 90   | null | true",
            "16个以上      | AT_LEAST | 16   | null | false",
            "不高于5‰      | AT_MOST  | null | 5    | false",
            "≤ 3         | AT_MOST  | null | 3    | false",
    })
    void targets_are_read_as_the_tables_write_them(String written, TargetKind kind, BigDecimal low, BigDecimal high,
                                                   boolean percent) {
        Target target = Target.parse(2027, written);

        assertThat(target.kind()).isEqualTo(kind);
        assertSame(target.low(), low);
        assertSame(target.high(), high);
        assertThat(target.percent()).isEqualTo(percent);
        assertThat(target.asWritten()).isEqualTo(written.strip());
    }

    private static void assertSame(BigDecimal actual, BigDecimal expected) {
        if (expected == null) {
            assertThat(actual).isNull();
        } else {
            assertThat(actual).isEqualByComparingTo(expected);
        }
    }

    @Test
    void a_missing_or_unreadable_target_is_refused_with_the_value_named() {
        assertThatThrownBy(() -> Target.parse(2027, "—")).hasMessage("target \"—\" is missing");
        assertThatThrownBy(() -> Target.parse(2027, "显著提升")).hasMessage("\"显著提升\" is not a number");
        assertThatThrownBy(() -> Target.parse(2027, "15—13")).hasMessage("target range \"15—13\" runs backwards");
    }

    @Test
    void baselines_may_be_missing() {
        assertThat(Baseline.parse(2024, "—").isMissing()).isTrue();
        assertThat(Baseline.parse(2024, "").isMissing()).isTrue();
        assertThat(Baseline.parse(2022, "222").value()).isEqualByComparingTo("222");
        assertThat(Baseline.parse(2022, "35%").value()).isEqualByComparingTo("35");
    }

    @Test
    void the_direction_follows_from_baseline_and_target() {
        assertThat(Direction.between(Baseline.parse(2024, "11"), Target.parse(2027, "13—15"))).isEqualTo(Direction.INCREASE);
        assertThat(Direction.between(Baseline.parse(2024, "8"), Target.parse(2027, "不高于5"))).isEqualTo(Direction.DECREASE);
        assertThat(Direction.between(Baseline.parse(2024, "1"), Target.parse(2027, "1"))).isEqualTo(Direction.MAINTAIN);
        assertThat(Direction.between(Baseline.parse(2024, "—"), Target.parse(2027, "1"))).isEqualTo(Direction.UNKNOWN);
    }
}
