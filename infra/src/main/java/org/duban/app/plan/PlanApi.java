package org.duban.app.plan;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.duban.api.MetadataKeys;
import org.duban.api.plan.ChangePlanSupervision;
import org.duban.api.plan.ClosePlan;
import org.duban.api.plan.CreatePlan;
import org.duban.api.plan.FindPlan;
import org.duban.api.plan.FindPlanTree;
import org.duban.api.plan.ListPlans;
import org.duban.api.plan.PlanPeriod;
import org.duban.api.plan.PlanSummary;
import org.duban.api.plan.PlanTree;
import org.duban.api.indicator.ChangeIndicatorSupervision;
import org.duban.api.task.ChangeTaskSupervision;
import org.duban.app.persistence.PlanLock;
import org.duban.app.security.DubanUser;
import org.duban.app.web.NotFound;
import org.duban.app.web.Retries;
import org.duban.process.plan.PlanPublication;
import org.slf4j.MDC;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.util.List;
import java.util.UUID;

/** JSON API of plans. */
@RestController
@RequestMapping("/api/plans")
class PlanApi {
    private final CommandGateway commands;
    private final QueryGateway queries;
    private final PlanPublication publication;
    private final TransactionTemplate transaction;
    private final Retries retries;
    private final PlanLock lock;

    PlanApi(CommandGateway commands, QueryGateway queries, PlanPublication publication,
            TransactionTemplate transaction, Retries retries, PlanLock lock) {
        this.retries = retries;
        this.lock = lock;
        this.commands = commands;
        this.queries = queries;
        this.publication = publication;
        this.transaction = transaction;
    }

    /** @param supervisingOffice the office that supervises the plan; a supervisor's own office when absent */
    record CreatePlanRequest(String title, String documentNumber, String issuer, Integer startYear, Integer endYear,
                             String supervisingOffice) {
    }

    record SupervisionChange(String office, String reason) {
    }

    record PlanCreatedResponse(String planId) {
    }

    record PublicationResponse(String planId, String processInstanceId) {
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    ResponseEntity<PlanCreatedResponse> create(@RequestBody CreatePlanRequest request,
                                               @AuthenticationPrincipal DubanUser user) {
        if (request.startYear() == null || request.endYear() == null) {
            throw new IllegalArgumentException("startYear and endYear are required");
        }
        String planId = UUID.randomUUID().toString();
        commands.sendAndWait(new CreatePlan(planId, request.title(), request.documentNumber(), request.issuer(),
                new PlanPeriod(request.startYear(), request.endYear()),
                request.supervisingOffice() == null || request.supervisingOffice().isBlank() ? user.unit()
                        : request.supervisingOffice()));
        return ResponseEntity
                .created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").buildAndExpand(planId).toUri())
                .body(new PlanCreatedResponse(planId));
    }

    @GetMapping
    List<PlanSummary> list() {
        return queries.query(new ListPlans(), ResponseTypes.multipleInstancesOf(PlanSummary.class)).join();
    }

    @GetMapping("/{planId}")
    PlanSummary get(@PathVariable String planId) {
        return find(planId);
    }

    /** The plan with its sections, tasks (lead and co-units), indicators and import records. */
    @GetMapping("/{planId}/tree")
    PlanTree tree(@PathVariable String planId) {
        return queries.query(new FindPlanTree(planId), ResponseTypes.optionalInstanceOf(PlanTree.class)).join()
                .orElseThrow(() -> new NotFound("plan " + planId + " does not exist"));
    }

    /** Asks a supervisor to approve publication; answers with the waiting process instance. */
    @PostMapping("/{planId}/publication-request")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    PublicationResponse requestPublication(@PathVariable String planId) {
        find(planId);
        // asked twice at once, the second waits and answers the process the first started
        return new PublicationResponse(planId, retries.attempt("the publication of plan " + planId, () -> {
            lock.hold(planId);
            return publication.request(planId, MDC.get(MetadataKeys.CORRELATION_ID));
        }));
    }

    /** Completes the waiting approval task: the plan is published in the same transaction. */
    @PostMapping("/{planId}/publication-approval")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    PlanSummary approvePublication(@PathVariable String planId) {
        find(planId);
        // approved twice at once, the second waits and finds nothing waiting any more
        if (!retries.attempt("the publication of plan " + planId, () -> {
            lock.hold(planId);
            return publication.approve(planId);
        })) {
            throw new NotFound("no publication of plan " + planId + " is waiting for approval");
        }
        return find(planId);
    }

    @PostMapping("/{planId}/closure")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    PlanSummary close(@PathVariable String planId) {
        find(planId);
        commands.sendAndWait(new ClosePlan(planId));
        return find(planId);
    }

    /**
     * Hands the plan and all its tasks to another supervising office, in one transaction: an administrator's act,
     * recorded with its reason.
     */
    @PutMapping("/{planId}/supervising-office")
    @PreAuthorize("hasRole('ADMIN')")
    PlanSummary changeSupervision(@PathVariable String planId, @RequestBody SupervisionChange change) {
        find(planId);
        ChangePlanSupervision command = new ChangePlanSupervision(planId, change.office(), change.reason());
        PlanTree tree = tree(planId);
        transaction.executeWithoutResult(status -> {
            commands.sendAndWait(command);
            tree.allTasks().forEach(task -> commands.sendAndWait(new ChangeTaskSupervision(task.taskId(),
                    command.office())));
            // indicators name their office too: its supervisors record their values and assess them
            tree.indicators().forEach(indicator -> commands.sendAndWait(new ChangeIndicatorSupervision(
                    indicator.indicatorId(), command.office())));
        });
        return find(planId);
    }

    private PlanSummary find(String planId) {
        return queries.query(new FindPlan(planId), ResponseTypes.optionalInstanceOf(PlanSummary.class)).join()
                .orElseThrow(() -> new NotFound("plan " + planId + " does not exist"));
    }
}
