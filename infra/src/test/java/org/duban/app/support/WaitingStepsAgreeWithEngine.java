package org.duban.app.support;

import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

import java.util.List;
import java.util.Map;

/**
 * After each test class that ran the application, the inboxes' ledger ({@code DUBAN_WAITING_STEP}, kept by the
 * engine's listeners) holds exactly one row per candidate of every open, unassigned step, with the step's due date,
 * as the engine's own tables say: every path the integration tests drive checks the ledger. One statement compares
 * both ways, so it reads one snapshot even while the job executor completes steps.
 */
public class WaitingStepsAgreeWithEngine implements TestExecutionListener, Ordered {
    private static final String ENGINE = "select t.ID_ as STEP_ID_, case when i.GROUP_ID_ is not null then 'group' "
            + "else 'user' end as CANDIDATE_TYPE_, coalesce(i.GROUP_ID_, i.USER_ID_) as CANDIDATE_, t.DUE_DATE_ "
            + "from ACT_RU_TASK t join ACT_RU_IDENTITYLINK i on i.TASK_ID_ = t.ID_ and i.TYPE_ = 'candidate' "
            + "where t.ASSIGNEE_ is null";
    private static final String LEDGER = "select STEP_ID_, CANDIDATE_TYPE_, CANDIDATE_, DUE_DATE_ from DUBAN_WAITING_STEP";
    /** Every row where the ledger and the engine's tables differ, and on which side it is; none when they agree. */
    public static final String DIFFERENCES = "select 'only in the ledger' as WHERE_, a.* from (" + LEDGER + " except "
            + ENGINE + ") a union all select 'only in the engine', b.* from (" + ENGINE + " except " + LEDGER + ") b";

    @Override
    public void afterTestClass(TestContext context) {
        if (!context.hasApplicationContext()
                || context.getApplicationContext().getBeanNamesForType(JdbcTemplate.class).length == 0
                || context.getApplicationContext().getBeanNamesForType(
                        org.duban.process.steps.WaitingStepLedger.class).length == 0) {
            return;
        }
        JdbcTemplate jdbc = context.getApplicationContext().getBean(JdbcTemplate.class);
        List<Map<String, Object>> differences = jdbc.queryForList(DIFFERENCES);
        if (!differences.isEmpty()) {
            throw new AssertionError("after " + context.getTestClass().getSimpleName() + " the inboxes' ledger "
                    + "differs from the engine's open steps: " + differences);
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
