package org.duban.app.notification;

import org.duban.api.supervision.NoticeGrade;
import org.duban.app.web.PeriodNames;
import org.springframework.context.MessageSource;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The sentences sent to a unit, in its language (Chinese: units have no other yet), from the {@code notification}
 * bundle: a tag in 【】, the unit, what it concerns and what to do by when, then the page to open.
 */
final class NotificationMessages {
    /** Task texts run to paragraphs; a message names the task by its first words. */
    static final int TEXT_WORDS = 40;
    private static final int SUBJECT = 200;
    private static final Locale LANGUAGE = Locale.SIMPLIFIED_CHINESE;

    private final MessageSource messages;
    private final PeriodNames periods;
    private final String baseUrl;

    NotificationMessages(MessageSource messages, PeriodNames periods, String baseUrl) {
        this.messages = messages;
        this.periods = periods;
        this.baseUrl = baseUrl;
    }

    /** A message: the subject of an email, the whole text (of both email and robot), the page it links to. */
    record Message(String subject, String text, String link) {
    }

    String taskLink(String taskId) {
        return baseUrl + "/tasks/" + taskId;
    }

    /** A case's messages lead to its slip (督办单), where the unit answers it. */
    String caseLink(String caseId) {
        return baseUrl + "/supervision/cases/" + caseId;
    }

    /** A task's report of a period (任务“…”2026年第四季度进展报告), a task, or an indicator. */
    String report(String taskText, String periodKey) {
        return word("notify.item.report", shortened(taskText), periods.name(periodKey, LANGUAGE));
    }

    String task(String taskText) {
        return word("notify.item.task", shortened(taskText));
    }

    String indicator(String name) {
        return name == null ? word("notify.item.indicator.unnamed") : word("notify.item.indicator", shortened(name));
    }

    String unknownItem() {
        return word("notify.item.unknown");
    }

    Message reminded(String unit, String taskText, String periodKey, LocalDate dueOn, String note, String link) {
        String item = report(taskText, periodKey);
        String due = dueOn == null ? word("notify.reminded.soon") : word("notify.reminded.by", date(dueOn));
        String noted = note == null || note.isBlank() ? "" : word("notify.note", sentence(note));
        return message("notify.tag.reminded", word("notify.reminded", unit, item, due, noted, link), item, link);
    }

    Message returned(String unit, String taskText, String periodKey, String reason, String link) {
        String item = report(taskText, periodKey);
        return message("notify.tag.returned", word("notify.returned", unit, item, because(reason), link), item, link);
    }

    Message reportEscalated(String unit, String taskText, String periodKey, String link) {
        String item = report(taskText, periodKey);
        return message("notify.tag.escalated", word("notify.reportEscalated", unit, item, link), item, link);
    }

    Message noticeIssued(NoticeGrade grade, String unit, String item, String reason, LocalDate answerBy, String link) {
        return message("notify.grade." + grade, word("notify.notice", word("notify.grade." + grade), unit, item,
                because(reason), answerBy == null ? word("notify.soon") : word("notify.by", date(answerBy)), link), item, link);
    }

    Message caseEscalated(NoticeGrade to, String unit, String item, String reason, LocalDate answerBy, String link) {
        return message("notify.grade." + to, word("notify.caseEscalated", word("notify.grade." + to), unit, item,
                because(reason), answerBy == null ? word("notify.soon") : word("notify.by", date(answerBy)), link), item, link);
    }

    Message rectificationRejected(String unit, String item, String reason, String link) {
        return message("notify.tag.rejected", word("notify.rejected", unit, item, because(reason), link), item, link);
    }

    /** 2026年12月8日 */
    String date(LocalDate day) {
        return day.format(DateTimeFormatter.ofPattern(word("notify.date.pattern"), LANGUAGE));
    }

    private Message message(String tagKey, String text, String item, String link) {
        String subject = word("notify.subject", word(tagKey), item);
        return new Message(subject.length() > SUBJECT ? subject.substring(0, SUBJECT - 1) + "…" : subject, text, link);
    }

    private String because(String reason) {
        return reason == null || reason.isBlank() ? "" : word("notify.reason", sentence(reason));
    }

    /** What a person wrote, on one line and without its closing full stop (the message adds its own). */
    private static String sentence(String written) {
        String line = written.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
        line = shortened(line, 200);
        return line.replaceAll("[。．.；;，,！!]+$", "");
    }

    static String shortened(String text) {
        return shortened(text.strip().replaceAll("\\s*[\\r\\n]+\\s*", " "), TEXT_WORDS);
    }

    private static String shortened(String text, int max) {
        return text.codePointCount(0, text.length()) <= max ? text
                : text.substring(0, text.offsetByCodePoints(0, max)) + "…";
    }

    private String word(String key, Object... args) {
        return messages.getMessage(key, args, LANGUAGE);
    }
}
