package org.duban.process.reporting;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.duban.api.reporting.CloseContributions;
import org.duban.api.reporting.MarkReportOverdue;
import org.duban.api.reporting.RemindReport;
import org.duban.process.WorkflowCommands;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.duban.process.reporting.ProgressReporting.MARKED_OVERDUE;
import static org.duban.process.reporting.ProgressReporting.PERIOD;
import static org.duban.process.reporting.ProgressReporting.TASK_ID;

/**
 * The service steps the timers of {@code progress-report} lead to: remind, mark overdue (which escalates), and close
 * the co-units' contributions not given when the period closes.
 */
@Configuration(proxyBeanMethods = false)
public class ReportTimers {
    public static final String REMINDER = "reportReminder";
    public static final String OVERDUE = "reportOverdue";
    public static final String CONTRIBUTIONS_CLOSING = "contributionsClosing";

    @Bean(REMINDER)
    static JavaDelegate reportReminder(WorkflowCommands commands) {
        return execution -> commands.send(new RemindReport((String) execution.getVariable(TASK_ID),
                (String) execution.getVariable(PERIOD), null), execution.getProcessInstanceId(),
                execution.getCurrentActivityId());
    }

    /** Records whether the report was still outstanding, so the process escalates only then. */
    @Bean(OVERDUE)
    static JavaDelegate reportOverdue(WorkflowCommands commands) {
        return execution -> {
            Boolean marked = commands.send(new MarkReportOverdue((String) execution.getVariable(TASK_ID),
                    (String) execution.getVariable(PERIOD)), execution.getProcessInstanceId(),
                    execution.getCurrentActivityId());
            execution.setVariable(MARKED_OVERDUE, Boolean.TRUE.equals(marked));
        };
    }

    /** The task decides whose contributions end, and records each; a second close finds none. */
    @Bean(CONTRIBUTIONS_CLOSING)
    static JavaDelegate contributionsClosing(WorkflowCommands commands) {
        return execution -> commands.send(new CloseContributions((String) execution.getVariable(TASK_ID),
                (String) execution.getVariable(PERIOD)), execution.getProcessInstanceId(),
                execution.getCurrentActivityId());
    }
}
