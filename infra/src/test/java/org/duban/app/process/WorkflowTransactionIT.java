package org.duban.app.process;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.duban.api.CommandRefused;
import org.duban.api.MetadataKeys;
import org.duban.api.plan.ClosePlan;
import org.duban.api.plan.CreatePlan;
import org.duban.api.plan.FindPlan;
import org.duban.api.plan.PlanClosed;
import org.duban.api.plan.PlanCreated;
import org.duban.api.plan.PlanPeriod;
import org.duban.api.plan.PlanPublicationRequested;
import org.duban.api.plan.PlanPublished;
import org.duban.api.plan.PlanStatus;
import org.duban.api.plan.PlanSummary;
import org.duban.app.support.DubanIntegrationTest;
import org.duban.process.plan.PlanPublication;
import org.duban.process.steps.StepHistory;
import org.duban.process.steps.StepKind;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Camunda, the Axon event store and the projections share one transaction: completing a user task, the events
 * its command appends and the projection rows they update commit together or not at all.
 */
@DubanIntegrationTest
class WorkflowTransactionIT {
    @Autowired
    PlanPublication publication;
    @Autowired
    TaskService taskService;
    @Autowired
    HistoryService historyService;
    @Autowired
    CommandGateway commands;
    @Autowired
    QueryGateway queries;
    @Autowired
    EventStore eventStore;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    StepHistory steps;
    @Autowired
    JdbcTemplate jdbc;

    private String draftPlan() {
        String planId = UUID.randomUUID().toString();
        commands.sendAndWait(new CreatePlan(planId, "大足区贯彻落实任务分解", "大足府办发〔2024〕113号",
                "重庆市大足区人民政府办公室", new PlanPeriod(2024, 2027), "区政府督查室"));
        return planId;
    }

    private List<Class<?>> eventTypes(String planId) {
        return eventStore.readEvents(planId).asStream().<Class<?>>map(DomainEventMessage::getPayloadType).toList();
    }

    private PlanStatus status(String planId) {
        return queries.query(new FindPlan(planId), ResponseTypes.optionalInstanceOf(PlanSummary.class)).join()
                .orElseThrow().status();
    }

    @Test
    void approving_publishes_the_plan_and_ends_the_process() {
        String planId = draftPlan();
        String processInstanceId = publication.request(planId, "tx-test");
        String approval = publication.awaitingApproval(planId).orElseThrow();

        assertThat(publication.approve(planId)).isTrue();

        assertThat(publication.awaitingApproval(planId)).isEmpty();
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId)
                .finished().count()).isEqualTo(1);
        assertThat(eventTypes(planId)).containsExactly(PlanCreated.class, PlanPublicationRequested.class,
                PlanPublished.class);
        DomainEventMessage<?> published = eventStore.readEvents(planId).asStream().toList().get(2);
        assertThat(published.getMetaData())
                .containsEntry(MetadataKeys.PROCESS_INSTANCE_ID, processInstanceId)
                .containsEntry(MetadataKeys.USER_TASK_ID, approval);
        assertThat(status(planId)).isEqualTo(PlanStatus.PUBLISHED);
    }

    @Test
    void a_new_database_keeps_the_engine_history_at_audit_which_still_names_a_completed_step() {
        String planId = draftPlan();
        publication.request(planId, "tx-test");
        String approval = publication.awaitingApproval(planId).orElseThrow();
        publication.approve(planId);

        // Camunda's levels: 1 activity, 2 audit, 3 full
        assertThat(jdbc.queryForObject("select value_ from act_ge_property where name_ = 'historyLevel'", String.class))
                .isEqualTo("2");
        assertThat(steps.kindOf(approval)).contains(StepKind.APPROVE_PUBLICATION);
    }

    @Test
    void when_the_command_fails_the_completion_rolls_back() {
        String planId = draftPlan();
        publication.request(planId, "tx-test");
        commands.sendAndWait(new ClosePlan(planId));
        String approvalId = publication.awaitingApproval(planId).orElseThrow();

        assertThatThrownBy(() -> publication.approve(planId)).hasRootCauseInstanceOf(CommandRefused.class);

        assertThat(taskService.createTaskQuery().taskId(approvalId).count())
                .as("the user task is still open").isEqualTo(1);
        assertThat(eventTypes(planId)).containsExactly(PlanCreated.class, PlanPublicationRequested.class,
                PlanClosed.class);
        assertThat(status(planId)).isEqualTo(PlanStatus.CLOSED);
    }

    @Test
    void when_the_transaction_fails_after_the_command_the_events_and_projection_roll_back_too() {
        String planId = draftPlan();
        publication.request(planId, "tx-test");
        String approvalId = publication.awaitingApproval(planId).orElseThrow();

        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            taskService.complete(approvalId);
            assertThat(eventTypes(planId)).as("inside the transaction the event is appended")
                    .containsExactly(PlanCreated.class, PlanPublicationRequested.class, PlanPublished.class);
            throw new IllegalStateException("a later step of the same transaction failed");
        })).hasMessage("a later step of the same transaction failed");

        assertThat(taskService.createTaskQuery().taskId(approvalId).count())
                .as("the user task is still open").isEqualTo(1);
        assertThat(eventTypes(planId)).as("no event of the approval was stored")
                .containsExactly(PlanCreated.class, PlanPublicationRequested.class);
        assertThat(status(planId)).as("the projection rolled back").isEqualTo(PlanStatus.DRAFT);
    }
}
