package org.duban.process.reporting;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.duban.api.reporting.MarkReportOverdue;
import org.duban.api.reporting.RemindReport;
import org.duban.process.WorkflowCommands;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.duban.process.reporting.ProgressReporting.MARKED_OVERDUE;
import static org.duban.process.reporting.ProgressReporting.PERIOD;
import static org.duban.process.reporting.ProgressReporting.TASK_ID;

/** The service steps the timers of {@code progress-report} lead to: remind, mark overdue (which escalates). */
@Configuration(proxyBeanMethods = false)
public class ReportTimers {
    public static final String REMINDER = "reportReminder";
    public static final String OVERDUE = "reportOverdue";

    @Bean(REMINDER)
    public static JavaDelegate reportReminder(WorkflowCommands commands) {
        return execution -> commands.send(execution, new RemindReport((String) execution.getVariable(TASK_ID),
                (String) execution.getVariable(PERIOD), null));
    }

    /** Records whether the report was still outstanding, so the process escalates only then. */
    @Bean(OVERDUE)
    public static JavaDelegate reportOverdue(WorkflowCommands commands) {
        return execution -> {
            Boolean marked = commands.send(execution, new MarkReportOverdue((String) execution.getVariable(TASK_ID),
                    (String) execution.getVariable(PERIOD)));
            execution.setVariable(MARKED_OVERDUE, Boolean.TRUE.equals(marked));
        };
    }
}
