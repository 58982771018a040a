package org.duban.app.notification;

import org.duban.api.supervision.NoticeGrade;
import org.duban.api.unit.UnitNotificationChannels;
import org.duban.api.unit.UnitRef;

import java.util.Optional;

/** What a message needs beyond its event: names, the task's words, the case, and where the unit is told. */
interface NotificationDirectory {

    /** A task's text and lead unit, when the task is known. */
    Optional<TaskFacts> task(String taskId);

    /** The unit's registered name, else its id. */
    String unitName(String unitId);

    Optional<String> indicatorName(String indicatorId);

    Optional<CaseFacts> supervisionCase(String caseId);

    Optional<UnitNotificationChannels> channels(String unitId);

    record TaskFacts(String taskId, String text, UnitRef leadUnit) {
    }

    /** What a case concerns and its grade now: a task (and a period), or an indicator. */
    record CaseFacts(String taskId, String periodKey, String indicatorId, NoticeGrade grade) {
    }
}
