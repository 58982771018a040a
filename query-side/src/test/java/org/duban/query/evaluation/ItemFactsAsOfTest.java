package org.duban.query.evaluation;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.duban.api.evaluation.FindItemFactsAsOf;
import org.duban.api.evaluation.ItemFact;
import org.duban.api.evaluation.ItemKind;
import org.duban.api.evaluation.RoundItem;
import org.duban.api.indicator.Baseline;
import org.duban.api.indicator.Direction;
import org.duban.api.indicator.IndicatorAttribute;
import org.duban.api.indicator.IndicatorDefined;
import org.duban.api.indicator.IndicatorTargetAdjusted;
import org.duban.api.indicator.IndicatorValueRecorded;
import org.duban.api.indicator.Target;
import org.duban.api.indicator.ValueSource;
import org.duban.api.reporting.CompletionStatus;
import org.duban.api.reporting.ReportAccepted;
import org.duban.api.reporting.ReportContent;
import org.duban.api.reporting.ReportMarkedOverdue;
import org.duban.api.reporting.ReportSubmitted;
import org.duban.api.supervision.IndicatorStatusChanged;
import org.duban.api.supervision.RagStatus;
import org.duban.api.supervision.TaskStatusChanged;
import org.duban.api.unit.UnitRef;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The facts of a round's items as of its cut-off are folded from each item's events stored up to the end of the
 * cut-off day in Shanghai: a report accepted, a value recorded, a target adjusted or a status changed after it does not
 * count.
 */
class ItemFactsAsOfTest {
    private static final UnitRef HEALTH = new UnitRef("unit-health", "区卫生健康委");
    private static final LocalDate CUT_OFF = LocalDate.of(2026, 6, 30);
    private static final String PLAN = "p-1";
    private static final String TASK = "t-1";
    private static final String INDICATOR = "i-1";

    private final EmbeddedEventStore events = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();
    private final Map<String, Long> sequences = new HashMap<>();

    @AfterEach
    void shutDown() {
        events.shutDown();
    }

    /** An event of the aggregate stored at that time of that day in Shanghai. */
    private void stored(String aggregateId, LocalDate day, LocalTime time, Object event) {
        long sequence = sequences.merge(aggregateId, 1L, Long::sum) - 1;
        Instant at = day.atTime(time).atZone(ItemFactsAsOf.OFFICE_ZONE).toInstant();
        events.publish(new GenericDomainEventMessage<>("Aggregate", aggregateId, sequence, event, Map.of(),
                "e-" + aggregateId + "-" + sequence, at));
    }

    private static ReportContent content(String narrative, int percent) {
        return new ReportContent(narrative, CompletionStatus.IN_PROGRESS, percent, List.of(), null, null, List.of());
    }

    private List<ItemFact> factsAsOfTheCutOff() {
        return new ItemFactsAsOf(events).handle(new FindItemFactsAsOf(PLAN, List.of(
                new RoundItem(TASK, ItemKind.TASK, HEALTH, "1. 建设区中医医院新院区。", null),
                new RoundItem(INDICATOR, ItemKind.INDICATOR, HEALTH, "市级中医重点（特色）专科", null),
                new RoundItem("t-without-events", ItemKind.TASK, HEALTH, "2. 尚未下达的任务。", null)), CUT_OFF));
    }

    @Test
    void a_task_as_of_the_cut_off_counts_the_reports_accepted_by_then_and_not_one_accepted_after() {
        stored(TASK, LocalDate.of(2026, 1, 12), LocalTime.NOON, new ReportMarkedOverdue(TASK, "2025-Q4", LocalDate.of(2026, 1, 12)));
        stored(TASK, LocalDate.of(2026, 4, 5), LocalTime.NOON, new ReportSubmitted(TASK, "2026-Q1", HEALTH.unitId(), 1,
                content("一季度完成选址。", 30)));
        stored(TASK, LocalDate.of(2026, 4, 6), LocalTime.NOON, new ReportSubmitted(TASK, "2026-Q1", HEALTH.unitId(), 2,
                content("一季度完成中医馆选址。", 40)));
        stored(TASK, LocalDate.of(2026, 4, 8), LocalTime.NOON, new ReportAccepted(TASK, "2026-Q1", 2, null));
        stored(TASK, LocalDate.of(2026, 5, 1), LocalTime.NOON, new TaskStatusChanged(TASK, PLAN, HEALTH.unitId(),
                RagStatus.GREEN, RagStatus.AMBER, "behind-schedule", Map.of(), LocalDate.of(2026, 5, 1)));
        // submitted before the cut-off, on its last minute; accepted the minute after it ends
        stored(TASK, CUT_OFF, LocalTime.of(23, 59), new ReportSubmitted(TASK, "2026-Q2", HEALTH.unitId(), 1,
                content("二季度主体工程完工。", 80)));
        stored(TASK, CUT_OFF.plusDays(1), LocalTime.MIDNIGHT, new ReportAccepted(TASK, "2026-Q2", 1, "同意"));
        stored(TASK, CUT_OFF.plusDays(1), LocalTime.NOON, new ReportAccepted(TASK, "2025-Q4", 1, null));
        stored(TASK, CUT_OFF.plusDays(2), LocalTime.NOON, new TaskStatusChanged(TASK, PLAN, HEALTH.unitId(),
                RagStatus.AMBER, RagStatus.GREEN, "on-schedule", Map.of(), CUT_OFF.plusDays(2)));

        ItemFact task = factsAsOfTheCutOff().get(0);

        assertThat(task).isEqualTo(new ItemFact(TASK, ItemKind.TASK, RagStatus.AMBER, 40, 1, 1, "一季度完成中医馆选址。",
                null, null, null, null, null));
    }

    @Test
    void an_indicator_as_of_the_cut_off_has_its_target_then_and_its_latest_value_then_as_corrected() {
        stored(INDICATOR, LocalDate.of(2024, 3, 1), LocalTime.NOON, new IndicatorDefined(INDICATOR, PLAN, null, 1, "1", null,
                "市级中医重点（特色）专科", "个", Baseline.parse(2022, "10"), Target.parse(2027, "不少于16"),
                IndicatorAttribute.EXPECTED, Direction.INCREASE, List.of(HEALTH), null));
        stored(INDICATOR, LocalDate.of(2026, 4, 8), LocalTime.NOON, value("2026-Q1", "11", 1));
        stored(INDICATOR, LocalDate.of(2026, 4, 9), LocalTime.NOON, value("2025-Q4", "10", 1));
        stored(INDICATOR, LocalDate.of(2026, 4, 10), LocalTime.NOON, value("2026-Q1", "12", 2));
        stored(INDICATOR, LocalDate.of(2026, 5, 1), LocalTime.NOON, new IndicatorStatusChanged(INDICATOR, PLAN, null,
                RagStatus.GREEN, "on-schedule", Map.of(), LocalDate.of(2026, 5, 1)));
        stored(INDICATOR, CUT_OFF.plusDays(1), LocalTime.of(9, 0), value("2026-Q2", "13", 1));
        stored(INDICATOR, CUT_OFF.plusDays(1), LocalTime.of(10, 0), new IndicatorTargetAdjusted(INDICATOR, PLAN, "a-1",
                Target.parse(2027, "不少于16"), Target.parse(2027, "14—16"), "按中期评估调整"));

        ItemFact indicator = factsAsOfTheCutOff().get(1);

        assertThat(indicator).isEqualTo(new ItemFact(INDICATOR, ItemKind.INDICATOR, RagStatus.GREEN, null, 0, 0, null,
                "个", "10", "不少于16", "12", "2026-Q1"));
    }

    @Test
    void an_item_without_events_by_the_cut_off_has_no_facts() {
        assertThat(factsAsOfTheCutOff()).extracting(ItemFact::itemId).containsExactly(TASK, INDICATOR, "t-without-events");
        assertThat(factsAsOfTheCutOff().get(2)).isEqualTo(new ItemFact("t-without-events", ItemKind.TASK, null, null, 0,
                0, null, null, null, null, null, null));
    }

    private IndicatorValueRecorded value(String period, String written, int version) {
        return new IndicatorValueRecorded(INDICATOR, PLAN, period, new BigDecimal(written), written, ValueSource.REPORT,
                TASK, List.of(), version, version > 1 ? "更正" : null);
    }
}
