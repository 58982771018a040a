package org.duban.query.evaluation;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.duban.api.evaluation.FindItemFactsAsOf;
import org.duban.api.evaluation.ItemFact;
import org.duban.api.evaluation.ItemKind;
import org.duban.api.evaluation.RoundItem;
import org.duban.api.indicator.IndicatorDefined;
import org.duban.api.supervision.IndicatorStatusChanged;
import org.duban.api.indicator.IndicatorTargetAdjusted;
import org.duban.api.indicator.IndicatorValueRecorded;
import org.duban.api.reporting.ReportAccepted;
import org.duban.api.reporting.ReportContent;
import org.duban.api.reporting.ReportMarkedOverdue;
import org.duban.api.reporting.ReportSubmitted;
import org.duban.api.supervision.RagStatus;
import org.duban.api.supervision.TaskStatusChanged;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Time travel for an evaluation round: what the record said of each of its items at the end of the cut-off day
 * (Asia/Shanghai, the offices' day), folded from the item's own events in the event store (a task's or an
 * indicator's aggregate) up to that moment. The live views are not read, so a report accepted after the cut-off, or a
 * value recorded after it, changes nothing; nothing is written either, so no scratch database is needed.
 */
@Component
class ItemFactsAsOf {
    /** The offices' day, as the workflows count it (WorkflowClock's zone). */
    static final ZoneId OFFICE_ZONE = ZoneId.of("Asia/Shanghai");
    private static final Pattern PERIOD = Pattern.compile("(\\d{4})(?:-(?:M(\\d{2})|Q([1-4])|H([12])))?");

    private final EventStore events;

    ItemFactsAsOf(EventStore events) {
        this.events = events;
    }

    /** The first instant after the cut-off day: events stored before it count. */
    static Instant endOf(LocalDate cutOff) {
        return cutOff.plusDays(1).atStartOfDay(OFFICE_ZONE).toInstant();
    }

    @QueryHandler
    List<ItemFact> handle(FindItemFactsAsOf query) {
        Instant end = endOf(query.cutOff());
        List<ItemFact> facts = new ArrayList<>();
        for (RoundItem item : query.items()) {
            facts.add(item.kind() == ItemKind.TASK ? task(item.itemId(), end) : indicator(item.itemId(), end));
        }
        return facts;
    }

    private void replay(String aggregateId, Instant end, Consumer<Object> fold) {
        // from the first event, whatever snapshot there may be
        DomainEventStream stream = events.readEvents(aggregateId, 0);
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            if (!event.getTimestamp().isBefore(end)) {
                break;
            }
            fold.accept(event.getPayload());
        }
    }

    private ItemFact task(String taskId, Instant end) {
        TaskFold fold = new TaskFold();
        replay(taskId, end, fold::on);
        ReportContent latest = fold.latestAccepted();
        return new ItemFact(taskId, ItemKind.TASK, fold.status, latest == null ? null : latest.percent(),
                fold.accepted.size(), (int) fold.overdue.stream().filter(period -> !fold.accepted.containsKey(period)).count(),
                latest == null ? null : latest.narrative(), null, null, null, null, null);
    }

    private ItemFact indicator(String indicatorId, Instant end) {
        IndicatorFold fold = new IndicatorFold();
        replay(indicatorId, end, fold::on);
        IndicatorValueRecorded current = fold.current();
        return new ItemFact(indicatorId, ItemKind.INDICATOR, fold.status, null, 0, 0, null, fold.unitOfMeasure,
                fold.baseline, fold.target, current == null ? null : current.asWritten(),
                current == null ? null : current.periodKey());
    }

    /** A task's reports: each period's submitted rounds, which were accepted and which marked overdue. */
    private static final class TaskFold {
        RagStatus status;
        final Map<String, ReportContent> submitted = new HashMap<>();
        /** period → the accepted content, in the order accepted */
        final Map<String, ReportContent> accepted = new java.util.LinkedHashMap<>();
        final Set<String> overdue = new HashSet<>();

        void on(Object event) {
            if (event instanceof TaskStatusChanged changed) {
                status = changed.toStatus();
            } else if (event instanceof ReportSubmitted report) {
                submitted.put(report.periodKey() + "#" + report.round(), report.content());
            } else if (event instanceof ReportAccepted report) {
                accepted.remove(report.periodKey());
                accepted.put(report.periodKey(), submitted.get(report.periodKey() + "#" + report.round()));
            } else if (event instanceof ReportMarkedOverdue report) {
                overdue.add(report.periodKey());
            }
        }

        /** The accepted report of the latest period (by the period's end); of periods alike, the one accepted last. */
        ReportContent latestAccepted() {
            List<String> periods = new ArrayList<>(accepted.keySet());
            periods.sort(Comparator.comparing(ItemFactsAsOf::periodEnd, Comparator.nullsFirst(Comparator.naturalOrder())));
            return periods.isEmpty() ? null : accepted.get(periods.get(periods.size() - 1));
        }
    }

    /** An indicator's wording, target in force, status and values by period (the highest version of each). */
    private static final class IndicatorFold {
        RagStatus status;
        String unitOfMeasure;
        String baseline;
        String target;
        final Map<String, IndicatorValueRecorded> values = new java.util.LinkedHashMap<>();

        void on(Object event) {
            if (event instanceof IndicatorDefined defined) {
                unitOfMeasure = defined.unitOfMeasure();
                baseline = defined.baseline() == null ? null : defined.baseline().asWritten();
                target = defined.target() == null ? null : defined.target().asWritten();
            } else if (event instanceof IndicatorTargetAdjusted adjusted) {
                target = adjusted.toTarget() == null ? null : adjusted.toTarget().asWritten();
            } else if (event instanceof IndicatorStatusChanged changed) {
                status = changed.toStatus();
            } else if (event instanceof IndicatorValueRecorded value) {
                values.merge(value.periodKey(), value, (before, after) -> after.version() >= before.version() ? after : before);
            }
        }

        /** The value of the latest period (by the period's end), as last corrected; of periods alike, the last given. */
        IndicatorValueRecorded current() {
            List<String> periods = new ArrayList<>(values.keySet());
            periods.sort(Comparator.comparing(ItemFactsAsOf::periodEnd, Comparator.nullsFirst(Comparator.naturalOrder())));
            return periods.isEmpty() ? null : values.get(periods.get(periods.size() - 1));
        }
    }

    /** The last day of a period key (2026, 2026-H1, 2026-Q2, 2026-M06); absent for a key of another form. */
    static LocalDate periodEnd(String periodKey) {
        Matcher key = PERIOD.matcher(periodKey);
        if (!key.matches()) {
            return null;
        }
        int year = Integer.parseInt(key.group(1));
        int lastMonth = key.group(2) != null ? Integer.parseInt(key.group(2))
                : key.group(3) != null ? Integer.parseInt(key.group(3)) * 3
                : key.group(4) != null ? Integer.parseInt(key.group(4)) * 6 : 12;
        if (lastMonth < 1 || lastMonth > 12) {
            return null;
        }
        LocalDate first = LocalDate.of(year, lastMonth, 1);
        return first.withDayOfMonth(first.lengthOfMonth());
    }
}
