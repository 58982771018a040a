package org.duban.app.notification;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.duban.api.reporting.ReportEscalated;
import org.duban.api.reporting.ReportReminded;
import org.duban.api.reporting.ReportReturned;
import org.duban.api.supervision.NoticeGrade;
import org.duban.api.supervision.RectificationRejected;
import org.duban.api.supervision.SupervisedItem;
import org.duban.api.supervision.SupervisionCaseEscalated;
import org.duban.api.supervision.SupervisionNoticeIssued;
import org.duban.api.unit.UnitNotificationChannels;
import org.duban.app.notification.NotificationDirectory.CaseFacts;
import org.duban.app.notification.NotificationDirectory.TaskFacts;
import org.duban.app.notification.NotificationMessages.Message;
import org.duban.app.notification.OutboxStore.OutboxMessage;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Turns the events a unit must hear of into outbox rows, one per channel the unit has on, in the transaction that
 * appends the event (a subscribing processor): the message exists exactly when the event does. This is no projection:
 * a rebuild never replays into it, so a message is never written twice.
 */
@ProcessingGroup(NotificationOutbox.PROCESSING_GROUP)
class NotificationOutbox {
    static final String PROCESSING_GROUP = "notification-outbox";

    private final NotificationDirectory directory;
    private final NotificationMessages messages;
    private final OutboxWriter outbox;
    private final boolean mailOn;
    private final Supplier<Instant> clock;

    /** Where the handler puts messages: the outbox table, or a list in a test. */
    interface OutboxWriter {
        void add(OutboxMessage message, Instant now);
    }

    /**
     * @param mailOn whether email can be sent at all (a mail host is configured); without it no email is queued
     * @param clock  the workflow's clock, which the dispatcher reads too
     */
    NotificationOutbox(NotificationDirectory directory, NotificationMessages messages, OutboxWriter outbox,
                       boolean mailOn, Supplier<Instant> clock) {
        this.directory = directory;
        this.messages = messages;
        this.outbox = outbox;
        this.mailOn = mailOn;
        this.clock = clock;
    }

    @EventHandler
    void on(ReportReminded event, @MessageIdentifier String eventId) {
        directory.task(event.taskId()).ifPresent(task -> toLeadUnit(eventId, "ReportReminded", task,
                unit -> messages.reminded(unit, task.text(), event.periodKey(), event.dueOn(), event.note(),
                        messages.taskLink(task.taskId()))));
    }

    @EventHandler
    void on(ReportReturned event, @MessageIdentifier String eventId) {
        directory.task(event.taskId()).ifPresent(task -> toLeadUnit(eventId, "ReportReturned", task,
                unit -> messages.returned(unit, task.text(), event.periodKey(), event.reason(),
                        messages.taskLink(task.taskId()))));
    }

    @EventHandler
    void on(ReportEscalated event, @MessageIdentifier String eventId) {
        directory.task(event.taskId()).ifPresent(task -> toLeadUnit(eventId, "ReportEscalated", task,
                unit -> messages.reportEscalated(unit, task.text(), event.periodKey(), messages.taskLink(task.taskId()))));
    }

    @EventHandler
    void on(SupervisionNoticeIssued event, @MessageIdentifier String eventId) {
        SupervisedItem item = event.item();
        String unit = event.unit().name();
        Message message = messages.noticeIssued(event.grade(), unit,
                itemWords(item.taskId(), item.periodKey(), item.indicatorId()), event.reason(), event.answerBy(),
                messages.caseLink(event.caseId()));
        send(eventId, "SupervisionNoticeIssued", event.unit().unitId(), unit, message, event.grade() == NoticeGrade.LISTED);
    }

    @EventHandler
    void on(SupervisionCaseEscalated event, @MessageIdentifier String eventId) {
        Optional<CaseFacts> facts = directory.supervisionCase(event.caseId());
        String unit = directory.unitName(event.unitId());
        Message message = messages.caseEscalated(event.toGrade(), unit, itemWords(facts), event.reason(),
                event.answerBy(), messages.caseLink(event.caseId()));
        send(eventId, "SupervisionCaseEscalated", event.unitId(), unit, message, event.toGrade() == NoticeGrade.LISTED);
    }

    @EventHandler
    void on(RectificationRejected event, @MessageIdentifier String eventId) {
        Optional<CaseFacts> facts = directory.supervisionCase(event.caseId());
        String unit = directory.unitName(event.unitId());
        Message message = messages.rectificationRejected(unit, itemWords(facts), event.reason(),
                messages.caseLink(event.caseId()));
        send(eventId, "RectificationRejected", event.unitId(), unit, message,
                facts.map(f -> f.grade() == NoticeGrade.LISTED).orElse(false));
    }

    private void toLeadUnit(String eventId, String eventType, TaskFacts task,
                            Function<String, Message> wording) {
        String unit = task.leadUnit().name();
        send(eventId, eventType, task.leadUnit().unitId(), unit, wording.apply(unit), false);
    }

    private void send(String eventId, String eventType, String unitId, String unitName, Message message, boolean listed) {
        Optional<UnitNotificationChannels> channels = directory.channels(unitId);
        if (channels.isEmpty()) {
            return;
        }
        UnitNotificationChannels to = channels.get();
        Instant now = clock.get();
        if (mailOn && to.sendsEmail()) {
            outbox.add(new OutboxMessage(eventId, eventType, unitId, unitName, Channel.EMAIL,
                    String.join(", ", to.emails()), message, listed), now);
        }
        if (to.sendsWebhook()) {
            outbox.add(new OutboxMessage(eventId, eventType, unitId, unitName, Channel.valueOf(to.webhookKind().name()),
                    to.webhookUrl(), message, listed), now);
        }
    }

    private String itemWords(Optional<CaseFacts> facts) {
        return facts.map(f -> itemWords(f.taskId(), f.periodKey(), f.indicatorId()))
                .orElseGet(messages::unknownItem);
    }

    private String itemWords(String taskId, String periodKey, String indicatorId) {
        if (taskId != null) {
            Optional<TaskFacts> task = directory.task(taskId);
            if (task.isEmpty()) {
                return messages.unknownItem();
            }
            return periodKey == null ? messages.task(task.get().text()) : messages.report(task.get().text(), periodKey);
        }
        return messages.indicator(directory.indicatorName(indicatorId).orElse(null));
    }
}
