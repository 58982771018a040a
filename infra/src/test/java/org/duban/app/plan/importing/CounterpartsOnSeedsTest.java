package org.duban.app.plan.importing;

import org.duban.query.implementation.Counterparts;
import org.duban.query.implementation.Counterparts.Item;
import org.duban.query.implementation.Counterparts.Match;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The counterpart rule on the real documents: the Chongqing plan (as the demo imports it, its programmes' parts and
 * its 11 indicators; and as the text importer reads the running text, 27 measures and 61 proposed targets) against
 * Dazu's decomposition (59 third-level headings, 94 tasks, 12 indicators). Kept in the importing package because it
 * reads the seeds with the importer's own interpreters.
 */
class CounterpartsOnSeedsTest {
    private static final PlanContent DAZU = SampleTablesTest.interpret("dazu.xlsx",
            SampleTablesTest.sample("dazu-tcm-task-decomposition-2024.xlsx"));
    private static final PlanContent CHONGQING_TABLE = SampleTablesTest.interpret("chongqing.csv",
            SampleTablesTest.sample("chongqing-tcm-major-projects-2023-2027.csv"));

    private static PlanContent chongqingText() {
        try {
            byte[] text = Files.readAllBytes(SeedTables.seeds().resolve("chongqing-tcm-major-projects-2023-2027.txt"));
            return new TextPlanInterpreter("chongqing.txt").interpret(SampleTablesTest.FILES.read("chongqing.txt", text).get(0));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Item> dazuSectionsAndTasks() {
        List<Item> items = new ArrayList<>();
        DAZU.sections().forEach(s -> items.add(new Item("s:" + s.key(), s.code(), s.title(), null)));
        DAZU.tasks().forEach(t -> items.add(new Item("t" + t.number(), t.code(), t.text(), null)));
        return items;
    }

    private static List<Item> dazuIndicators() {
        return DAZU.indicators().stream().map(i -> new Item("i" + i.number(), i.code(), i.name(), i.unitOfMeasure())).toList();
    }

    private static List<String> unmatched(List<Match> matches) {
        return matches.stream().filter(m -> !m.found()).map(m -> m.parent().text()).toList();
    }

    @Test
    void every_part_of_the_city_programmes_but_opening_up_has_a_counterpart_in_dazu() {
        List<Item> parts = CHONGQING_TABLE.sections().stream().filter(s -> s.level() == 2)
                .map(s -> new Item("s:" + s.key(), s.code(), s.title(), null)).toList();

        List<Match> matches = Counterparts.tasks(parts, dazuSectionsAndTasks());

        assertThat(parts).hasSize(22);
        assertThat(matches).filteredOn(Match::found).hasSize(21)
                .allSatisfy(m -> assertThat(m.score()).isEqualTo(1.0));
        assertThat(unmatched(matches)).containsExactly("促进中医药开放发展");
    }

    @Test
    void the_measures_read_from_the_city_text_find_dazus_headings_of_the_same_words() {
        List<Item> measures = chongqingText().tasks().stream()
                .map(t -> new Item("t" + t.number(), t.code(), t.text(), null)).toList();

        List<Match> matches = Counterparts.tasks(measures, dazuSectionsAndTasks());

        assertThat(measures).hasSize(27);
        assertThat(matches).filteredOn(Match::found).hasSize(26);
        assertThat(matches.get(0).counterpart().text()).isEqualTo("打造中医药服务高地");
        assertThat(unmatched(matches)).singleElement().asString().startsWith("促进中医药开放发展。");
    }

    @Test
    void of_the_eleven_city_indicators_only_the_processing_output_is_dazus_too() {
        List<Item> indicators = CHONGQING_TABLE.indicators().stream()
                .map(i -> new Item("i" + i.number(), i.code(), i.name(), i.unitOfMeasure())).toList();

        List<Match> matches = Counterparts.indicators(indicators, dazuIndicators());

        assertThat(matches).filteredOn(Match::found).extracting(m -> m.parent().text() + " → " + m.counterpart().text())
                .containsExactly("全口径中药材加工产值 → 全口径中药材加工产值");
        // a national title is not the city's own: 0.83, under the threshold
        assertThat(matches).filteredOn(m -> m.parent().text().equals("青年岐黄学者")).singleElement()
                .satisfies(m -> assertThat(m.score()).isBetween(0.8, Counterparts.INDICATOR_THRESHOLD));
        assertThat(unmatched(matches)).hasSize(10).contains("国家中医药综合改革示范区", "国医大师");
    }

    @Test
    void targets_proposed_from_the_city_text_meet_five_of_dazus_indicators() {
        List<Item> targets = chongqingText().indicators().stream()
                .map(i -> new Item("i" + i.number(), i.code(), i.name(), i.unitOfMeasure())).toList();

        List<Match> matches = Counterparts.indicators(targets, dazuIndicators());

        assertThat(targets).hasSize(61);
        assertThat(matches).filteredOn(Match::found).extracting(m -> m.parent().text())
                .containsExactly("市级中医重点（特色）专科", "科卫联合中医药科研项目", "巴渝青年岐黄学者", "重庆市名中医",
                        "重庆市基层名中医");
    }

    @Test
    void a_district_restating_the_city_sentence_for_itself_reads_the_same() {
        assertThat(Counterparts.tasks(List.of(new Item("p", "一是", "做大做强市中医院。", null)),
                List.of(new Item("c", "1.", "做大做强区中医院。", null))).get(0).score()).isEqualTo(1.0);
    }

    @Test
    void indicators_in_different_units_are_not_counterparts() {
        assertThat(Counterparts.indicators(List.of(new Item("p", "1", "中药材加工产值", "亿元")),
                List.of(new Item("c", "1", "中药材加工产值", "个"))).get(0).found()).isFalse();
    }

    @Test
    void of_two_equally_close_candidates_the_one_with_the_same_printed_number_wins() {
        Match match = Counterparts.tasks(List.of(new Item("p", "（二）", "建设平台", null)),
                List.of(new Item("a", "（一）", "建设平台", null), new Item("b", "（二）", "建设平台", null))).get(0);
        assertThat(match.counterpart().id()).isEqualTo("b");
    }
}
