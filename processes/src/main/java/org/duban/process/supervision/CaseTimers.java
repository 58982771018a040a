package org.duban.process.supervision;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.duban.api.supervision.EscalateSupervisionCase;
import org.duban.api.supervision.NoticeGrade;
import org.duban.process.WorkflowCommands;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.LocalDate;

import static org.duban.process.supervision.SupervisionCases.CASE_ID;
import static org.duban.process.supervision.SupervisionCases.GRADE;

/** The service step the timers of {@code supervision-case} lead to: the case goes up a grade. */
@Configuration(proxyBeanMethods = false)
public class CaseTimers {
    public static final String ESCALATION = "caseEscalation";

    /**
     * Escalates with a new answer day and keeps the grade the case answered (listed supervision stays listed), which
     * decides whether the unanswered notice loops again.
     */
    @Bean(ESCALATION)
    static JavaDelegate caseEscalation(WorkflowCommands commands, SupervisionCases cases) {
        return execution -> {
            LocalDate answerBy = cases.answerDay();
            Boolean escalated = commands.send(new EscalateSupervisionCase((String) execution.getVariable(CASE_ID), null,
                    answerBy), execution.getProcessInstanceId(), execution.getCurrentActivityId());
            NoticeGrade grade = NoticeGrade.valueOf((String) execution.getVariable(GRADE));
            execution.setVariable(GRADE, (Boolean.TRUE.equals(escalated) ? grade.next() : NoticeGrade.LISTED).name());
            if (Boolean.TRUE.equals(escalated)) {
                execution.setVariables(cases.answerDayVariables(answerBy));
            }
        };
    }
}
