package org.duban.process.plan;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.duban.api.MetadataKeys;
import org.duban.api.plan.RequestPlanPublication;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.Map;
import java.util.Optional;

/**
 * The {@code plan-publication} process: a request to publish a plan waits for a supervisor's approval,
 * and the approval publishes the plan. Process variables hold ids only.
 */
@Component
public class PlanPublication {
    public static final String PROCESS_KEY = "plan-publication";
    public static final String APPROVAL_TASK = "approvePublication";
    public static final String PLAN_ID = "planId";
    public static final String SUPERVISOR_GROUP = "supervisors";

    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final CommandGateway commands;

    public PlanPublication(RuntimeService runtimeService, TaskService taskService,
                           CommandGateway commands) {
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.commands = commands;
    }

    /**
     * Asks the plan (which refuses a closed or published plan, or a supervisor of another office), then starts the
     * approval unless one is already waiting, in one transaction; returns the waiting process instance id.
     */
    @Transactional
    public String request(String planId, String correlationId) {
        commands.sendAndWait(new RequestPlanPublication(planId));
        return runningProcess(planId).map(ProcessInstance::getId).orElseGet(() -> runtimeService
                .startProcessInstanceByKey(PROCESS_KEY, planId,
                        correlationId == null ? Map.of(PLAN_ID, planId)
                                : Map.of(PLAN_ID, planId, MetadataKeys.CORRELATION_ID, correlationId))
                .getId());
    }

    /** The user task id of a plan's waiting approval, if its publication was requested and not yet approved. */
    public Optional<String> awaitingApproval(String planId) {
        return approvalStep(planId).map(Task::getId);
    }

    private Optional<Task> approvalStep(String planId) {
        return Optional.ofNullable(taskService.createTaskQuery()
                .processDefinitionKey(PROCESS_KEY)
                .processInstanceBusinessKey(planId)
                .taskDefinitionKey(APPROVAL_TASK)
                .singleResult());
    }

    /** Completes the approval task; the plan is published in the same transaction, or nothing happens. */
    @Transactional
    public boolean approve(String planId) {
        Optional<Task> task = approvalStep(planId);
        task.ifPresent(open -> taskService.complete(open.getId()));
        return task.isPresent();
    }

    private Optional<ProcessInstance> runningProcess(String planId) {
        return Optional.ofNullable(runtimeService.createProcessInstanceQuery()
                .processDefinitionKey(PROCESS_KEY)
                .processInstanceBusinessKey(planId)
                .singleResult());
    }
}
