package org.duban.command.task;

import org.duban.api.plan.PlanPeriod;
import org.duban.api.reporting.CompletionStatus;
import org.duban.api.reporting.EvidenceRef;
import org.duban.api.reporting.IndicatorValue;
import org.duban.api.reporting.ReportContent;
import org.duban.api.reporting.ReportSubmitted;
import org.duban.api.reporting.ReportingPeriod;
import org.duban.api.reporting.ReportingPeriodOpened;
import org.duban.api.task.TaskAcknowledged;
import org.duban.api.task.TaskAssigned;
import org.duban.api.task.TaskCreated;
import org.duban.api.unit.UnitIds;
import org.duban.api.unit.UnitRef;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The events a task's fixtures start from: task t-1 of plan p-1, led by HEALTH with FINANCE, supervised by OFFICE. */
final class TaskHistory {
    static final UnitRef HEALTH = new UnitRef(UnitIds.of("区卫生健康委"), "区卫生健康委");
    static final UnitRef MARKET = new UnitRef(UnitIds.of("区市场监管局"), "区市场监管局");
    static final UnitRef FINANCE = new UnitRef(UnitIds.of("区财政局"), "区财政局");
    static final String OFFICE = "区政府督查室";
    static final PlanPeriod PLAN_YEARS = new PlanPeriod(2024, 2027);
    static final LocalDate ACK_BY = LocalDate.of(2025, 3, 7);
    static final ReportingPeriod Q1 = new ReportingPeriod("2025-Q1", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 3, 31));
    static final LocalDate DUE = LocalDate.of(2025, 4, 7);
    static final LocalDate OVERDUE = LocalDate.of(2025, 4, 11);
    static final ReportContent CONTENT = new ReportContent("完成区中医院设计方案。", CompletionStatus.IN_PROGRESS, 40,
            List.of(new IndicatorValue("i-5", "12")), "用地未落实", "完成立项",
            List.of(new EvidenceRef("e-1", "方案.pdf", 1024, "ab".repeat(32), "application/pdf")));

    /** Metadata of a supervisor of the plan's office, of another office, and of a unit's user. */
    static final Map<String, Object> DISTRICT_SUPERVISOR = Map.of("actorRole", "SUPERVISOR", "actorUnit", OFFICE);
    static final Map<String, Object> CITY_SUPERVISOR = Map.of("actorRole", "SUPERVISOR", "actorUnit", "市政府督查办");
    static final Map<String, Object> HEALTH_USER = Map.of("actorRole", "UNIT_USER", "actorUnit", "区卫生健康委");

    private TaskHistory() {
    }

    static TaskCreated created() {
        return new TaskCreated("t-1", "p-1", "s-1", 1, "1", "做大做强区中医院。", HEALTH, List.of(FINANCE), null, null,
                PLAN_YEARS, OFFICE);
    }

    static TaskAssigned assigned() {
        return new TaskAssigned("t-1", "p-1", HEALTH, List.of(FINANCE), ACK_BY);
    }

    static TaskAcknowledged acknowledged() {
        return new TaskAcknowledged("t-1", HEALTH.unitId());
    }

    static ReportingPeriodOpened opened() {
        return new ReportingPeriodOpened("t-1", "p-1", Q1, DUE, OVERDUE, HEALTH, List.of(FINANCE));
    }

    static ReportSubmitted submitted(int round) {
        return new ReportSubmitted("t-1", "2025-Q1", HEALTH.unitId(), round, CONTENT);
    }

    /** Created, assigned, acknowledged and the first quarter's report opened. */
    static List<Object> open() {
        return List.of(created(), assigned(), acknowledged(), opened());
    }

    /** {@link #open()} and then the given events. */
    static List<Object> open(Object... then) {
        List<Object> events = new ArrayList<>(open());
        events.addAll(List.of(then));
        return events;
    }
}
