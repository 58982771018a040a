package org.duban.app.audit.trail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.duban.api.audit.AuditEntry;
import org.duban.api.task.TaskDetail;
import org.duban.app.security.AccountProperties;
import org.duban.app.security.AccountSource;
import org.duban.app.security.DubanUser;
import org.duban.app.web.PeriodNames;
import org.duban.app.web.Times;
import org.duban.process.steps.StepHistory;
import org.duban.process.steps.StepKind;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Events as a clerk reads them, for the task page's timeline and the audit page alike: a sentence per event type
 * (“区卫生健康委 张三 签收了任务”), the actor as unit and person, the role in words, each changed field under its label
 * with a readable value (unit names rather than their records, codes by their names, no ids), and the name of the
 * workflow step the event came through. Every word comes from the bundles ({@code event.*}, {@code field.*}).
 */
@Component("eventWording")
public class EventWording {
    /** The events the wording knows, in the order the audit page's filter lists them. */
    public static final List<String> EVENT_TYPES = List.of(
            "PlanCreated", "SectionAdded", "PlanImportRecorded", "PlanPublicationRequested", "PlanPublished",
            "PlanSupervisionChanged", "ReportingCadenceSet", "PlanPeriodOpened", "PlanExecutionStarted", "PlanClosed",
            "IndicatorDefined", "TaskCreated", "TaskAssigned", "TaskAcknowledged", "CoUnitPartConfirmed",
            "TaskAdjustmentRequested", "TaskAdjustmentApproved", "TaskAdjustmentRejected", "TaskUnitsChanged",
            "TaskSupervisionChanged", "TaskClosed", "ReportingPeriodOpened", "ContributionSubmitted", "ReportDrafted",
            "ReportSubmitted", "ReportReturned", "ReportAccepted", "ReportReminded", "ReportMarkedOverdue",
            "ReportEscalated", "UnitRegistered", "UnitAliasesAdded", "CalendarYearLoaded", "ContributionClosed",
            "CoUnitConfirmationExpired", "TaskStatusChanged", "IndicatorStatusChanged", "SupervisionNoticeIssued",
            "SupervisionCaseEscalated", "RectificationPlanSubmitted", "RectificationResultSubmitted",
            "RectificationRejected", "SupervisionCaseClosedOut", "CaseExtensionRequested", "CaseExtensionApproved",
            "CaseExtensionRefused", "IndicatorValueRecorded", "IndicatorAdjustmentRequested", "IndicatorTargetAdjusted",
            "IndicatorAdjustmentRejected", "TaskTextAdjusted", "TaskDueDateAdjusted",
            "IndicatorSupervisionChanged", "UnitNotificationChannelsSet",
            "EvaluationRoundOpened", "EvaluatorAppointed", "SelfAssessmentSubmitted", "SelfAssessmentReminderSent",
            "SelfAssessmentOverdue", "SelfAssessmentClosed", "ConflictOfInterestDeclared", "RoundItemScored",
            "EvaluatorScoringCompleted", "ScoringReminderSent", "ScoringOverdue", "ScoringClosed",
            "ItemScoreReconciled", "ReconciliationCompleted", "ItemScoreCalibrated", "CalibrationFinished",
            "RoundResultsPublished", "EvaluationRoundClosed", "EvaluationRoundCancelled", "EvaluatorAccountIssued",
            "EvaluatorReadRecorded");
    /**
     * Fields never shown as changes: ids tie an event to other things (and read as codes), the reason is shown on its
     * own, checksums and media types mean nothing to a clerk.
     */
    private static final Set<String> HIDDEN_NAMES = Set.of("periodKey", "reason", "comment", "note", "sha256", "mediaType",
            "format", "webhookSecret");
    /**
     * Fields whose values are codes, and the bundle prefix that names each code. A key {@code Event.path} names the
     * codes of that event's field where the same path means something else in other events (a round's kind is not an
     * adjustment's).
     */
    static final Map<String, String> CODES = Map.ofEntries(
            Map.entry("content.status", "completion."),
            Map.entry("cadence", "cadence."),
            Map.entry("kind", "adjustment.kind."),
            Map.entry("previousStatus", "plan.status."),
            Map.entry("attribute", "indicator.attribute."),
            Map.entry("target.kind", "target.kind."),
            Map.entry("currentTarget.kind", "target.kind."),
            Map.entry("proposedTarget.kind", "target.kind."),
            Map.entry("fromTarget.kind", "target.kind."),
            Map.entry("toTarget.kind", "target.kind."),
            Map.entry("direction", "direction."),
            Map.entry("cause", "contribution.end."),
            Map.entry("fromStatus", "rag."),
            Map.entry("toStatus", "rag."),
            Map.entry("grade", "notice.grade."),
            Map.entry("fromGrade", "notice.grade."),
            Map.entry("toGrade", "notice.grade."),
            Map.entry("trigger", "case.trigger."),
            Map.entry("rule", "status.rule."),
            Map.entry("source", "indicator.source."),
            Map.entry("webhookKind", "webhook.kind."),
            Map.entry("EvaluationRoundOpened.kind", "round.kind."),
            Map.entry("scheme.kind", "scheme.kind."),
            Map.entry("scheme.noticeAtOrBelow", "evaluation.grade."),
            Map.entry("evaluator.kind", "evaluator.kind."),
            Map.entry("score.grade", "evaluation.grade."),
            Map.entry("phase", "round.phase."));
    private static final Pattern UUID = Pattern.compile(
            ".*[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}.*", Pattern.DOTALL);
    private static final Pattern INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}.*Z");
    private static final int SHORT = 80;
    /** Stands for the actor while the sentence is formatted, to split it there. */
    private static final String ACTOR = "\u0000";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MessageSource messages;
    private final Map<String, AccountProperties.Account> accounts;
    private final List<AccountSource> sources;
    private final PeriodNames periods;
    private final StepHistory steps;
    private final Times times;

    EventWording(MessageSource messages, AccountProperties accounts, PeriodNames periods, StepHistory steps, Times times) {
        this(messages, accounts, List.of(), periods, steps, times);
    }

    /** @param sources accounts kept outside the configuration (third-party evaluators'), named the same way */
    @Autowired
    EventWording(MessageSource messages, AccountProperties accounts, List<AccountSource> sources, PeriodNames periods,
                 StepHistory steps, Times times) {
        this.messages = messages;
        this.sources = List.copyOf(sources);
        this.accounts = accounts.accounts().stream()
                .collect(Collectors.toMap(AccountProperties.Account::username, account -> account, (a, b) -> a));
        this.periods = periods;
        this.steps = steps;
        this.times = times;
    }

    /**
     * One event in words.
     *
     * @param name     the event's name (签收)
     * @param sentence who did what (区卫生健康委 张三 签收了任务)
     * @param actor    the unit and person who acted, or the system
     * @param step     the workflow step the event came through, if any
     * @param before   the words of the sentence before the actor, and {@code after} those after it, so a page can
     *                 mark the actor's name as data
     */
    public record WordedEvent(String eventType, Instant occurredAt, String name, String sentence, String actor,
                              String role, String reason, List<ChangeLine> changes, String step,
                              String processInstanceId, String before, String after) {
    }

    /** A field the event set, under its label, with readable values; {@code before} is null the first time. */
    public record ChangeLine(String label, String before, String after) {
    }

    public WordedEvent word(AuditEntry e, Locale locale) {
        return word(e.eventType(), e.occurredAt(), e.actorUser(), e.actorUnit(), e.actorRole(), e.reason(),
                e.processInstanceId(), e.userTaskId(), e.changes(), e.periodKey(), locale);
    }

    public WordedEvent word(TaskDetail.TimelineEntry e, Locale locale) {
        return word(e.eventType(), e.occurredAt(), e.actorUser(), e.actorUnit(), e.actorRole(), e.reason(),
                e.processInstanceId(), e.userTaskId(), e.changes(), e.periodKey(), locale);
    }

    private WordedEvent word(String type, Instant at, String user, String unit, String role, String reason,
                             String processInstanceId, String userTaskId, List<AuditEntry.Change> changes,
                             String periodKey, Locale locale) {
        String actor = actor(user, unit, role, locale);
        String period = periodKey == null ? "" : periods.name(periodKey, locale);
        String marked = message("event." + type + ".sentence", new Object[]{ACTOR, period}, locale)
                .orElseGet(() -> message("event.other.sentence", new Object[]{ACTOR, eventName(type, locale)}, locale)
                        .orElse(ACTOR));
        int actorAt = marked.indexOf(ACTOR);
        String before = actorAt < 0 ? "" : marked.substring(0, actorAt);
        String after = actorAt < 0 ? marked : marked.substring(actorAt + ACTOR.length());
        String step = steps.kindOf(userTaskId).flatMap(kind -> stepName(kind, locale)).orElse(null);
        return new WordedEvent(type, at, eventName(type, locale), before + actor + after, actor, roleName(role, locale),
                reason, changes(type, changes, locale), step, processInstanceId, before, after);
    }

    /** The event's name from the bundles; an event the bundles do not know is named as such, not by its class. */
    public String eventName(String type, Locale locale) {
        return message("event." + type, null, locale).orElseGet(() -> messages.getMessage("event.unknown", null, locale));
    }

    /** The unit and the person's display name; the system (timers, the daily opening) as 系统. */
    public String actor(String user, String unit, String role, Locale locale) {
        if (user == null || "system".equals(user) || "SYSTEM".equals(role)) {
            return messages.getMessage("actor.system", null, locale);
        }
        AccountProperties.Account account = accounts.get(user);
        String person = account != null ? (account.displayName() == null ? user : account.displayName())
                : sources.stream().map(source -> source.find(user)).flatMap(Optional::stream).findFirst()
                .map(DubanUser::displayName).orElse(user);
        return unit == null || unit.isBlank() || person.contains(unit) ? person : unit + " " + person;
    }

    public String roleName(String role, Locale locale) {
        return role == null ? null : message("role." + role, null, locale).orElse(null);
    }

    private Optional<String> stepName(StepKind kind, Locale locale) {
        return message("step." + kind.key(), null, locale);
    }

    /** The fields a clerk reads, labelled, with readable values; ids and unchanged empties are left out. */
    public List<ChangeLine> changes(List<AuditEntry.Change> changes, Locale locale) {
        return changes(null, changes, locale);
    }

    /** As {@link #changes(List, Locale)}, with the labels and codes an event type words its own way. */
    public List<ChangeLine> changes(String type, List<AuditEntry.Change> changes, Locale locale) {
        List<ChangeLine> lines = new ArrayList<>();
        for (AuditEntry.Change change : changes == null ? List.<AuditEntry.Change>of() : changes) {
            if (hidden(change.field())) {
                continue;
            }
            String before = value(type, change.field(), change.before(), locale);
            String after = value(type, change.field(), change.after(), locale);
            if (before == null && after == null) {
                continue;
            }
            String label = (type == null ? Optional.<String>empty() : message("field." + type + "." + change.field(), null, locale))
                    .or(() -> message("field." + change.field(), null, locale))
                    .orElseGet(() -> messages.getMessage("field.other", null, locale));
            lines.add(new ChangeLine(label, before, after));
        }
        return lines;
    }

    /** Whether a flattened field path is kept out of the changes a page shows. */
    public static boolean hidden(String field) {
        String last = field.substring(field.lastIndexOf('.') + 1);
        return last.endsWith("Id") || HIDDEN_NAMES.contains(last);
    }

    /** The bundle prefix naming the codes of an event's field, if its values are codes. */
    public static String codesOf(String type, String field) {
        String own = type == null ? null : CODES.get(type + "." + field);
        return own != null ? own : CODES.get(field);
    }

    String value(String field, String value, Locale locale) {
        return value(null, field, value, locale);
    }

    /** A value as a clerk reads it; null for no value, or for one that is only an id. */
    String value(String type, String field, String value, Locale locale) {
        if (value == null || value.isBlank() || value.equals("[]") || value.equals("{}")) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.startsWith("[")) {
            return list(trimmed, locale);
        }
        String codes = codesOf(type, field);
        if (codes != null) {
            return message(codes + trimmed, null, locale).orElse(trimmed);
        }
        if (trimmed.equals("true") || trimmed.equals("false")) {
            return messages.getMessage("value." + trimmed, null, locale);
        }
        if (INSTANT.matcher(trimmed).matches()) {
            try {
                return times.format(Instant.parse(trimmed), "yyyy-MM-dd HH:mm");
            } catch (DateTimeParseException e) {
                return shortened(trimmed);
            }
        }
        if (field.endsWith("period.key") || field.equals("periodKey")) {
            return periods.name(trimmed, locale);
        }
        if (UUID.matcher(trimmed).matches()) {
            return null;
        }
        return shortened(trimmed);
    }

    /** A list by what names its elements: units and days by name, files by file name, values by value. */
    private String list(String json, Locale locale) {
        JsonNode list;
        try {
            list = JSON.readTree(json);
        } catch (IOException e) {
            return shortened(json);
        }
        List<String> names = new ArrayList<>();
        for (JsonNode element : list) {
            if (element.isValueNode()) {
                names.add(element.asText());
            } else {
                for (String name : List.of("name", "displayName", "label", "fileName", "value", "text")) {
                    if (element.hasNonNull(name) && !element.get(name).asText().isBlank()) {
                        names.add(element.get(name).asText());
                        break;
                    }
                }
            }
        }
        if (names.size() < list.size() || names.size() > 12) {
            return messages.getMessage("value.items", new Object[]{list.size()}, locale);
        }
        return shortened(String.join(messages.getMessage("value.separator", null, locale), names));
    }

    private static String shortened(String text) {
        return text.length() <= SHORT ? text : text.substring(0, SHORT - 1) + "…";
    }

    private Optional<String> message(String key, Object[] args, Locale locale) {
        return Optional.ofNullable(messages.getMessage(key, args, null, locale));
    }
}
