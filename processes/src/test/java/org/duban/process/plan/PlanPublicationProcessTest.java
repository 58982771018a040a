package org.duban.process.plan;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.duban.api.CommandRefused;
import org.duban.api.MetadataKeys;
import org.duban.api.plan.PublishPlan;
import org.duban.process.WorkflowCommands;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.ArgumentCaptor;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

@Deployment(resources = "bpmn/plan-publication.bpmn")
class PlanPublicationProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().build();

    private final CommandGateway gateway = mock(CommandGateway.class);

    @BeforeEach
    void setUp() {
        init(engine.getProcessEngine());
        Mocks.register(PlanPublicationApproved.BEAN, new PlanPublicationApproved(new WorkflowCommands(gateway)));
    }

    @AfterEach
    void tearDown() {
        Mocks.reset();
    }

    private ProcessInstance requestPublication() {
        return runtimeService().startProcessInstanceByKey(PlanPublication.PROCESS_KEY, "plan-7",
                Map.of(PlanPublication.PLAN_ID, "plan-7"));
    }

    @Test
    void a_publication_request_waits_for_a_supervisor() {
        ProcessInstance instance = requestPublication();

        BpmnAwareTests.assertThat(instance)
                .isWaitingAt(PlanPublication.APPROVAL_TASK);
        BpmnAwareTests.assertThat(task(instance))
                .hasCandidateGroup(PlanPublication.SUPERVISOR_GROUP)
                .hasName("审核发布 Approve publication");
    }

    @Test
    void approving_publishes_the_plan_with_the_workflow_step_in_the_metadata() {
        ProcessInstance instance = requestPublication();
        String userTaskId = task(instance).getId();

        complete(task(instance));

        BpmnAwareTests.assertThat(instance)
                .hasPassedInOrder("publicationRequested", PlanPublication.APPROVAL_TASK, "planPublished")
                .isEnded();
        ArgumentCaptor<CommandMessage<?>> sent = ArgumentCaptor.forClass(CommandMessage.class);
        verify(gateway).sendAndWait(sent.capture());
        assertThat(sent.getValue().getPayload()).isEqualTo(new PublishPlan("plan-7"));
        assertThat(sent.getValue().getMetaData())
                .containsEntry(MetadataKeys.PROCESS_INSTANCE_ID, instance.getId())
                .containsEntry(MetadataKeys.USER_TASK_ID, userTaskId);
    }

    @Test
    void a_refused_publication_leaves_the_approval_open() {
        when(gateway.sendAndWait(any())).thenThrow(new CommandRefused("plan.closed", "plan plan-7 is closed"));
        ProcessInstance instance = requestPublication();

        assertThatThrownBy(() -> complete(task(instance))).hasRootCauseInstanceOf(CommandRefused.class);

        BpmnAwareTests.assertThat(instance)
                .isWaitingAt(PlanPublication.APPROVAL_TASK);
    }
}
