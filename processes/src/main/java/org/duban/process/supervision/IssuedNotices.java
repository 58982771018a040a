package org.duban.process.supervision;

import org.axonframework.eventhandling.EventHandler;
import org.duban.api.supervision.SupervisionNoticeIssued;
import org.springframework.stereotype.Component;

/**
 * Issuing a notice starts its case's process in the issuing transaction: a case is never open without the unit's
 * step to answer it.
 */
@Component
class IssuedNotices {
    private final SupervisionCases cases;

    IssuedNotices(SupervisionCases cases) {
        this.cases = cases;
    }

    @EventHandler
    void on(SupervisionNoticeIssued event) {
        cases.start(event.caseId(), event.unit().unitId(), event.grade(), event.answerBy());
    }
}
