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
import org.duban.query.plan.PlanLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Time travel: a task's or a plan's state at a past moment, rebuilt from the events. In a transaction of its own
 * that is always rolled back, the tasks' rows of {@link TaskWorkProjection} are removed and their events up to the
 * moment replayed through the same handlers; the view is read there and then thrown away. So the past is computed
 * by the very code that computes the present, and nothing is changed.
 */
@Component
class TaskHistory {
    private final TaskWorkProjection projection;
    private final AnnotationEventHandlerAdapter replay;
    private final EventStore events;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate rolledBack;

    TaskHistory(TaskWorkProjection projection, EventStore events, JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.projection = projection;
        this.replay = new AnnotationEventHandlerAdapter(projection);
        this.events = events;
        this.jdbc = jdbc;
        this.rolledBack = new TransactionTemplate(transactions);
        rolledBack.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @QueryHandler
    Optional<TaskDetail> handle(FindTaskDetailAsOf query) {
        return inThePast(List.of(query.taskId()), query.at(), existed -> existed.isEmpty() ? Optional.<TaskDetail>empty()
                : projection.handle(new FindTaskDetail(query.taskId())).map(detail -> new TaskDetail(detail.summary(),
                detail.sectionHeading(), detail.reports(), detail.adjustments(), detail.timeline().stream()
                .filter(entry -> !entry.occurredAt().isAfter(query.at())).toList())));
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
        List<String> taskIds = jdbc.queryForList("select task_id from task_work where plan_id = ?", String.class,
                query.planId());
        return Optional.of(inThePast(taskIds, query.at(), existed -> new PlanAsOf(query.planId(), query.at(), statusThen,
                existed.stream().map(taskId -> projection.handle(new FindTaskDetail(taskId)).orElseThrow())
                        .map(TaskHistory::state).sorted(java.util.Comparator.comparingInt(PlanAsOf.TaskState::number))
                        .toList())));
    }

    private static PlanAsOf.TaskState state(TaskDetail detail) {
        return new PlanAsOf.TaskState(detail.summary().taskId(), detail.summary().number(), detail.summary().code(),
                detail.summary().text(), detail.summary().leadUnit().name(), detail.summary().status(), detail.reports().stream()
                .map(report -> new PlanAsOf.ReportState(report.periodKey(), report.status(), report.round(),
                        report.overdue())).toList());
    }

    /** Replays the tasks' events up to the moment and reads the view, in a transaction that is rolled back. */
    private <T> T inThePast(List<String> taskIds, Instant at, java.util.function.Function<List<String>, T> read) {
        return rolledBack.execute(transaction -> {
            transaction.setRollbackOnly();
            List<String> existed = new ArrayList<>();
            for (String taskId : taskIds) {
                projection.forget(taskId);
                DomainEventStream stream = events.readEvents(taskId);
                boolean any = false;
                while (stream.hasNext()) {
                    DomainEventMessage<?> event = stream.next();
                    if (event.getTimestamp().isAfter(at)) {
                        break;
                    }
                    handle(event);
                    any = true;
                }
                if (any) {
                    existed.add(taskId);
                }
            }
            return read.apply(existed);
        });
    }

    private void handle(DomainEventMessage<?> event) {
        try {
            replay.handle(event);
        } catch (Exception e) {
            throw new IllegalStateException("replaying event " + event.getIdentifier() + " failed", e);
        }
    }
}
