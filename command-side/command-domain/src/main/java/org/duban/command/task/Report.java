package org.duban.command.task;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.EntityId;
import org.duban.api.CommandRefused;
import org.duban.api.MetadataKeys;
import org.duban.api.reporting.AcceptReport;
import org.duban.api.reporting.CloseContributions;
import org.duban.api.reporting.ContributionClosed;
import org.duban.api.reporting.ContributionEnd;
import org.duban.api.reporting.ContributionSubmitted;
import org.duban.api.reporting.DraftReport;
import org.duban.api.reporting.MarkReportOverdue;
import org.duban.api.reporting.RemindReport;
import org.duban.api.reporting.ReportAccepted;
import org.duban.api.reporting.ReportDrafted;
import org.duban.api.reporting.ReportEscalated;
import org.duban.api.reporting.ReportMarkedOverdue;
import org.duban.api.reporting.ReportReminded;
import org.duban.api.reporting.ReportReturned;
import org.duban.api.reporting.ReportStatus;
import org.duban.api.reporting.ReportSubmitted;
import org.duban.api.reporting.ReportingPeriodOpened;
import org.duban.api.reporting.ReturnReport;
import org.duban.api.reporting.SubmitContribution;
import org.duban.api.reporting.SubmitReport;
import org.duban.api.unit.UnitRef;
import org.duban.command.OfficeAuthority;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One period's report of a {@link Task}, from its opening to its acceptance: the co-units' contributions, drafts,
 * submissions in rounds, returns, reminders and the overdue mark. Each co-unit's contribution ends once: given, or
 * closed without it when the report is accepted, the period closes or the task is closed. Commands and events reach it by their {@code periodKey}; the task has checked its
 * own rules before (who acts, whether the task is closed, that the period's report exists).
 */
class Report {

    @EntityId(routingKey = "periodKey")
    private final String periodKey;
    private final String taskId;
    private final LocalDate dueOn;
    private final LocalDate overdueOn;
    private ReportStatus status = ReportStatus.OPEN;
    private int round;
    private boolean overdue;
    // the co-units asked to contribute when the period opened, in the task's order
    private final List<String> coUnitIds;
    private final Set<String> contributed = new HashSet<>();
    private final Set<String> closedWithout = new HashSet<>();

    Report(ReportingPeriodOpened opened) {
        this.periodKey = opened.period().key();
        this.taskId = opened.taskId();
        this.dueOn = opened.dueOn();
        this.overdueOn = opened.overdueOn();
        this.coUnitIds = opened.coUnits() == null ? List.of() : opened.coUnits().stream().map(UnitRef::unitId).toList();
    }

    @CommandHandler
    void handle(SubmitContribution command) {
        if (status == ReportStatus.ACCEPTED) {
            throw new CommandRefused("report.accepted", "the " + periodKey + " report of task " + taskId
                    + " is already accepted");
        }
        if (closedWithout.contains(command.unitId())) {
            throw new CommandRefused("report.contribution-closed", "the contribution of unit " + command.unitId()
                    + " to the " + periodKey + " report of task " + taskId + " is closed");
        }
        apply(new ContributionSubmitted(taskId, periodKey, command.unitId(), command.text(), command.evidence()));
    }

    @CommandHandler
    void handle(DraftReport command) {
        requireWithUnit();
        apply(new ReportDrafted(taskId, periodKey, command.unitId(), command.content()));
    }

    @CommandHandler
    void handle(SubmitReport command) {
        requireWithUnit();
        apply(new ReportSubmitted(taskId, periodKey, command.unitId(), round + 1, command.content()));
    }

    @CommandHandler
    void handle(ReturnReport command) {
        requireSubmitted();
        apply(new ReportReturned(taskId, periodKey, round, command.reason()));
    }

    @CommandHandler
    void handle(AcceptReport command) {
        requireSubmitted();
        apply(new ReportAccepted(taskId, periodKey, round, command.comment()));
        closeContributions(ContributionEnd.REPORT_ACCEPTED);
    }

    /** Answers whether any contribution ended: not when every co-unit's had ended already. */
    @CommandHandler
    boolean handle(CloseContributions command) {
        return closeContributions(ContributionEnd.PERIOD_CLOSED);
    }

    /** Ends every contribution still outstanding; an accepted report's ended with its acceptance. */
    boolean closeContributions(ContributionEnd cause) {
        if (status == ReportStatus.ACCEPTED && cause != ContributionEnd.REPORT_ACCEPTED) {
            return false;
        }
        List<String> outstanding = coUnitIds.stream()
                .filter(unitId -> !contributed.contains(unitId) && !closedWithout.contains(unitId)).toList();
        outstanding.forEach(unitId -> apply(new ContributionClosed(taskId, periodKey, unitId, cause)));
        return !outstanding.isEmpty();
    }

    /**
     * Answers whether the unit was reminded. Timers remind too, and a timer's reminder on a report the unit no longer
     * holds does nothing; a person's is refused, for there is nothing to remind.
     */
    @CommandHandler
    boolean handle(RemindReport command, @MetaDataValue(MetadataKeys.ACTOR_ROLE) String role) {
        if (!status.isWithUnit()) {
            if (OfficeAuthority.byPerson(role)) {
                throw new CommandRefused("report.not-with-unit", "the " + periodKey + " report of task " + taskId
                        + " is not with the unit any more: nothing to remind");
            }
            return false;
        }
        apply(new ReportReminded(taskId, periodKey, dueOn, command.note()));
        return true;
    }

    /** Answers whether the report was marked: not when it was submitted in time, or is already overdue. */
    @CommandHandler
    boolean handle(MarkReportOverdue command) {
        if (overdue || !status.isWithUnit()) {
            return false;
        }
        apply(new ReportMarkedOverdue(taskId, periodKey, overdueOn));
        // an overdue report goes to the supervisors' inbox at once (升级督办)
        apply(new ReportEscalated(taskId, periodKey));
        return true;
    }

    private void requireWithUnit() {
        if (!status.isWithUnit()) {
            throw new CommandRefused("report.not-writable", "the " + periodKey + " report of task " + taskId + " is "
                    + status + " and cannot be changed by the unit");
        }
    }

    private void requireSubmitted() {
        if (status != ReportStatus.SUBMITTED) {
            throw new CommandRefused("report.not-submitted", "the " + periodKey + " report of task " + taskId + " is "
                    + status + ", not waiting for review");
        }
    }

    @EventSourcingHandler
    void on(ContributionSubmitted event) {
        contributed.add(event.unitId());
    }

    @EventSourcingHandler
    void on(ContributionClosed event) {
        closedWithout.add(event.unitId());
    }

    @EventSourcingHandler
    void on(ReportDrafted event) {
        if (status == ReportStatus.OPEN) {
            status = ReportStatus.DRAFTED;
        }
    }

    @EventSourcingHandler
    void on(ReportSubmitted event) {
        status = ReportStatus.SUBMITTED;
        round = event.round();
    }

    @EventSourcingHandler
    void on(ReportReturned event) {
        status = ReportStatus.RETURNED;
    }

    @EventSourcingHandler
    void on(ReportAccepted event) {
        status = ReportStatus.ACCEPTED;
    }

    @EventSourcingHandler
    void on(ReportMarkedOverdue event) {
        overdue = true;
    }

    // value equality lets the test fixture compare state rebuilt from events with state after handling
    @Override
    public boolean equals(Object other) {
        return other instanceof Report that && periodKey.equals(that.periodKey) && taskId.equals(that.taskId)
                && status == that.status && round == that.round && overdue == that.overdue
                && coUnitIds.equals(that.coUnitIds) && contributed.equals(that.contributed)
                && closedWithout.equals(that.closedWithout)
                && Objects.equals(dueOn, that.dueOn)
                && Objects.equals(overdueOn, that.overdueOn);
    }

    @Override
    public int hashCode() {
        return Objects.hash(periodKey, status, round);
    }
}
