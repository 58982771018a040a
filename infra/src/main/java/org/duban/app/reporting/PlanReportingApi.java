package org.duban.app.reporting;

import org.duban.api.plan.PlanAsOf;
import org.duban.api.reporting.Cadence;
import org.duban.api.reporting.ReportingCadenceSet;
import org.duban.app.security.DubanUser;
import org.duban.app.web.Moments;
import org.duban.app.web.NotFound;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A plan's reporting cadence and the opening of its reporting periods over HTTP; see {@link PlanReporting}. */
@RestController
@RequestMapping("/api/plans/{planId}")
class PlanReportingApi {
    private final PlanReporting reporting;

    PlanReportingApi(PlanReporting reporting) {
        this.reporting = reporting;
    }

    record CadenceRequest(Cadence cadence, Integer dueDay, Integer graceWorkingDays) {
    }

    record PeriodRequest(String period) {
    }

    @GetMapping("/reporting-cadence")
    ReportingCadenceSet cadence(@PathVariable String planId) {
        return reporting.cadence(planId).orElseThrow(() -> new NotFound("plan " + planId + " has no reporting cadence yet"));
    }

    @PutMapping("/reporting-cadence")
    ReportingCadenceSet setCadence(@PathVariable String planId, @RequestBody CadenceRequest request,
                                   @AuthenticationPrincipal DubanUser user) {
        return reporting.setCadence(planId, request.cadence(), request.dueDay(), request.graceWorkingDays(), user);
    }

    /** The plan as it stood then: its status and each task's status and reports ({@code asOf}: a day or a time). */
    @GetMapping("/as-of")
    PlanAsOf asOf(@PathVariable String planId,
                                     @RequestParam String asOf,
                                     @AuthenticationPrincipal DubanUser user) {
        return reporting.asOf(planId, Moments.parse("asOf", asOf, true), user);
    }

    /** Opens the period's report of every acknowledged task, all or none; the first opening starts execution. */
    @PostMapping("/reporting-periods")
    PlanReporting.PeriodOpened openPeriod(@PathVariable String planId, @RequestBody PeriodRequest request,
                                    @AuthenticationPrincipal DubanUser user) {
        return reporting.openPeriod(planId, request.period(), user);
    }
}
