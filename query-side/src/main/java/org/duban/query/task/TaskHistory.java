package org.duban.query.task;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.duban.api.plan.FindPlanAsOf;
import org.duban.api.plan.PlanAsOf;
import org.duban.api.plan.PlanStatus;
import org.duban.api.task.FindTaskDetail;
import org.duban.api.task.FindTaskDetailAsOf;
import org.duban.api.task.TaskDetail;
import org.duban.query.ScratchDatabases;
import org.duban.query.audit.AuditTrail;
import org.duban.query.plan.PlanLifecycle;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Time travel: a task's or a plan's state at a past moment, rebuilt from the events. The tasks' events up to the
 * moment are replayed into a scratch database (see {@link ScratchDatabases}) through second instances of the very
 * projections that keep the present, and {@link TaskViews} reads the view there; the plan's wording and the timeline
 * are read from the live views. Nothing is written to the live database, so no unit working on the task waits.
 */
@Component
class TaskHistory {
    private final EventStore events;
    private final JdbcTemplate live;
    private final AuditTrail trail;
    private final ScratchDatabases scratch;
    private final ReplayObserver observer;

    @Autowired
    TaskHistory(EventStore events, JdbcTemplate live, AuditTrail trail, ScratchDatabases scratch,
                ObjectProvider<ReplayObserver> observer) {
        this(events, live, trail, scratch, observer.getIfAvailable(() -> ReplayObserver.NONE));
    }

    TaskHistory(EventStore events, JdbcTemplate live, AuditTrail trail, ScratchDatabases scratch, ReplayObserver observer) {
        this.events = events;
        this.live = live;
        this.trail = trail;
        this.scratch = scratch;
        this.observer = observer;
    }

    @QueryHandler
    Optional<TaskDetail> handle(FindTaskDetailAsOf query) {
        return inThePast(List.of(query.taskId()), query.at(), (existed, views) -> existed.isEmpty()
                ? Optional.<TaskDetail>empty()
                : views.handle(new FindTaskDetail(query.taskId())).map(detail -> new TaskDetail(detail.summary(),
                detail.sectionHeading(), detail.reports(), detail.adjustments(), detail.timeline().stream()
                .filter(entry -> !entry.occurredAt().isAfter(query.at())).toList(), detail.confirmations())));
    }

    @QueryHandler
    Optional<PlanAsOf> handle(FindPlanAsOf query) {
        PlanStatus status = null;
        DomainEventStream planEvents = events.readEvents(query.planId());
        while (planEvents.hasNext()) {
            DomainEventMessage<?> event = planEvents.next();
            if (event.getTimestamp().isAfter(query.at())) {
                break;
            }
            status = PlanLifecycle.statusAfter(event.getPayload()).orElse(status);
        }
        if (status == null) {
            return Optional.empty();
        }
        PlanStatus statusThen = status;
        List<String> taskIds = live.queryForList("select task_id from task_work where plan_id = ?", String.class,
                query.planId());
        return Optional.of(inThePast(taskIds, query.at(), (existed, views) -> new PlanAsOf(query.planId(), query.at(),
                statusThen, existed.stream().map(taskId -> views.handle(new FindTaskDetail(taskId)).orElseThrow())
                .map(TaskHistory::state).sorted(Comparator.comparingInt(PlanAsOf.TaskState::number)).toList())));
    }

    private static PlanAsOf.TaskState state(TaskDetail detail) {
        return new PlanAsOf.TaskState(detail.summary().taskId(), detail.summary().number(), detail.summary().code(),
                detail.summary().text(), detail.summary().leadUnit().name(), detail.summary().status(), detail.reports().stream()
                .map(report -> new PlanAsOf.ReportState(report.periodKey(), report.status(), report.round(),
                        report.overdue())).toList());
    }

    private interface PastRead<T> {
        /** @param existed the tasks that had any event by then */
        T read(List<String> existed, TaskViews views);
    }

    /** Replays the tasks' events up to the moment into a scratch database and reads the views there. */
    private <T> T inThePast(List<String> taskIds, Instant at, PastRead<T> read) {
        return scratch.use(past -> {
            List<AnnotationEventHandlerAdapter> projections = List.of(
                    new AnnotationEventHandlerAdapter(new TaskWorkProjection(past)),
                    new AnnotationEventHandlerAdapter(new TaskReportsProjection(past)));
            List<String> existed = new ArrayList<>();
            for (String taskId : taskIds) {
                DomainEventStream stream = events.readEvents(taskId);
                boolean any = false;
                while (stream.hasNext()) {
                    DomainEventMessage<?> event = stream.next();
                    if (event.getTimestamp().isAfter(at)) {
                        break;
                    }
                    replay(event, projections);
                    any = true;
                }
                if (any) {
                    existed.add(taskId);
                }
            }
            return read.read(existed, new TaskViews(live, past, trail));
        });
    }

    private void replay(DomainEventMessage<?> event, List<AnnotationEventHandlerAdapter> projections) {
        for (AnnotationEventHandlerAdapter projection : projections) {
            if (projection.canHandle(event)) {
                try {
                    projection.handle(event);
                } catch (Exception e) {
                    throw new IllegalStateException("replaying event " + event.getIdentifier() + " failed", e);
                }
            }
        }
        observer.replayed(event);
    }
}
