package org.duban.process.steps;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.ServiceImpl;
import org.camunda.bpm.engine.task.Task;
import org.duban.process.adjustment.Adjustments;
import org.duban.process.evaluation.EvaluationRounds;
import org.duban.process.plan.PlanPublication;
import org.duban.process.reporting.ProgressReporting;
import org.duban.process.supervision.SupervisionCases;
import org.duban.process.task.TaskAssignment;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * What waits on people: the open user tasks of a task's assignment and reports (business keys {@code taskId} and
 * {@code taskId/period}), and the inboxes of a unit and of the supervisors.
 */
@Component
public class WaitingSteps {
    private static final String[] TASK_PROCESSES = {TaskAssignment.PROCESS_KEY, ProgressReporting.PROCESS_KEY};
    /**
     * The inboxes hold the adjustments', the supervision cases' and the evaluation rounds' steps too; their business
     * keys are their ids ({@link OpenStep#taskId()} is then the case or the round).
     */
    private static final String[] INBOX_PROCESSES = {TaskAssignment.PROCESS_KEY, ProgressReporting.PROCESS_KEY,
            Adjustments.PROCESS_KEY, SupervisionCases.PROCESS_KEY, EvaluationRounds.PROCESS_KEY};
    /**
     * The open, unassigned steps of the inbox processes a candidate (a group or a user) has, as
     * {@link WaitingStepLedger} keeps them: one index range of the candidate's rows, where the engine's own tables
     * need every open step joined with the candidates' links (docs/BENCHMARKS.md).
     */
    private static final String WAITING = "from " + WaitingStepLedger.TABLE + " where PROC_DEF_KEY_ in ("
            + String.join(", ", Collections.nCopies(INBOX_PROCESSES.length, "?")) + ") "
            + "and CANDIDATE_ = ? and CANDIDATE_TYPE_ = ?";
    /** The steps, in no order: the inboxes sort them on what they are about. */
    private static final String INBOX_SQL = "select STEP_ID_, TASK_DEF_KEY_, NAME_, DUE_DATE_, CREATE_TIME_, "
            + "PROC_INST_ID_, BUSINESS_KEY_ " + WAITING + "{step}";
    /**
     * The same steps counted by kind and due date in the database, optionally per process instance: an inbox's counts
     * without carrying its thousands of steps to the application (docs/BENCHMARKS.md).
     */
    private static final String TALLY_SQL = "select TASK_DEF_KEY_, DUE_DATE_, {perInstance}, count(*) " + WAITING
            + " group by TASK_DEF_KEY_, DUE_DATE_{grouped}";

    private final TaskService tasks;
    private final RuntimeService runtime;

    public WaitingSteps(TaskService tasks, RuntimeService runtime) {
        this.tasks = tasks;
        this.runtime = runtime;
    }

    /** The steps waiting on a task now, of its assignment and of every period's report. */
    public List<WaitingStep> onTask(String taskId) {
        List<Task> open = tasks.createTaskQuery().processDefinitionKeyIn(TASK_PROCESSES)
                .or().processInstanceBusinessKey(taskId).processInstanceBusinessKeyLike(taskId + "/%").endOr()
                .list();
        if (open.isEmpty()) {
            return List.of();
        }
        // what the steps are about: the process variables, and each co-unit's own in its instance of the step
        Map<String, Map<String, Object>> variablesByExecution = new HashMap<>();
        runtime.createVariableInstanceQuery()
                .processInstanceIdIn(open.stream().map(Task::getProcessInstanceId).distinct().toArray(String[]::new))
                .variableNameIn(ProgressReporting.TASK_ID, ProgressReporting.PERIOD, ProgressReporting.LEAD_UNIT_ID,
                        ProgressReporting.CO_UNIT_ID, TaskAssignment.ADJUSTMENT_ID)
                .disableBinaryFetching().disableCustomObjectDeserialization().list()
                .forEach(variable -> variablesByExecution.computeIfAbsent(variable.getExecutionId(),
                        execution -> new HashMap<>()).put(variable.getName(), variable.getValue()));
        return open.stream().map(step -> {
            Map<String, Object> process = variablesByExecution.getOrDefault(step.getProcessInstanceId(), Map.of());
            if (!taskId.equals(process.get(ProgressReporting.TASK_ID))) {
                return null; // a business key that only looks alike
            }
            StepKind kind = StepKind.ofKey(step.getTaskDefinitionKey()).orElse(null);
            if (kind == null) {
                return null;
            }
            String unitId = switch (kind) {
                case CONTRIBUTE, CONFIRM_PART -> (String) variablesByExecution
                        .getOrDefault(step.getExecutionId(), Map.of()).get(ProgressReporting.CO_UNIT_ID);
                case ACKNOWLEDGE, WRITE_REPORT -> (String) process.get(ProgressReporting.LEAD_UNIT_ID);
                default -> null;
            };
            return new WaitingStep(kind, (String) process.get(ProgressReporting.PERIOD), unitId,
                    kind == StepKind.DECIDE_ADJUSTMENT ? (String) process.get(TaskAssignment.ADJUSTMENT_ID) : null);
        }).filter(step -> step != null).toList();
    }

    /** A unit's inbox: the steps of the tasks it leads or works with, in no order. */
    public List<OpenStep> ofUnit(String unitId) {
        return inbox(unitId);
    }

    /**
     * The supervisors' inbox, of every plan, in no order; who sees which is decided by the plan's supervising office.
     */
    public List<OpenStep> ofSupervisors() {
        return inbox(PlanPublication.SUPERVISOR_GROUP);
    }

    /** An evaluator's inbox: their steps in the evaluation rounds they are appointed to, in no order. */
    public List<OpenStep> ofEvaluator(String username) {
        return inbox(WaitingStepLedger.USER, username);
    }

    private List<OpenStep> inbox(String group) {
        return inbox(WaitingStepLedger.GROUP, group);
    }

    /**
     * How many steps of each kind wait on a unit, by due date: its inbox counted without its steps.
     * {@link Tally#subject()} is null.
     */
    public List<Tally> tallyOfUnit(String unitId) {
        return tally(unitId, false);
    }

    /**
     * How many steps of each kind wait on the supervisors, by due date and by what each is about
     * ({@link Tally#subject()}: the task, case or round, as {@link OpenStep#taskId()} names it).
     */
    public List<Tally> tallyOfSupervisors() {
        return tally(PlanPublication.SUPERVISOR_GROUP, true);
    }

    /** A unit's report-writing steps among those of these reports ({@code taskId/period}). */
    public List<OpenStep> reportsToWrite(String unitId, Collection<String> reportKeys) {
        if (reportKeys.isEmpty()) {
            return List.of();
        }
        return inbox(WaitingStepLedger.GROUP, unitId, ProgressReporting.WRITE,
                new LinkedHashSet<>(reportKeys).toArray(String[]::new));
    }

    /**
     * Steps of one kind, due at one time (or without a due date), and how many.
     *
     * @param subject what they are about, when asked: the task, or the case or round
     */
    public record Tally(StepKind kind, Instant due, String subject, int count) {
    }

    private List<Tally> tally(String group, boolean bySubject) {
        String sql = TALLY_SQL.replace("{perInstance}", bySubject ? "PROC_INST_ID_, BUSINESS_KEY_" : "null, null")
                .replace("{grouped}", bySubject ? ", PROC_INST_ID_, BUSINESS_KEY_" : "");
        List<TallyRow> rows = read(sql, WaitingStepLedger.GROUP, group, List.of(), row -> new TallyRow(
                row.getString(1), instant(row, 2), row.getString(3), row.getString(4), row.getInt(5)));
        Map<String, String> adjusted = bySubject ? adjustedTasks(rows.stream()
                .filter(row -> Adjustments.DECIDE.equals(row.definitionKey())).map(TallyRow::instanceId).toList())
                : Map.of();
        // a task's instances (its assignment, each period's report) fold into one tally per kind and due date
        Map<Tallied, Integer> tallied = new LinkedHashMap<>();
        for (TallyRow row : rows) {
            StepKind kind = StepKind.ofKey(row.definitionKey()).orElse(null);
            String key = bySubject ? shownKey(row.definitionKey(), row.instanceId(), row.businessKey(), adjusted) : null;
            if (kind != null && (!bySubject || key != null)) {
                tallied.merge(new Tallied(kind, row.due(), key == null ? null : subjectOf(key)), row.count(),
                        Integer::sum);
            }
        }
        return tallied.entrySet().stream().map(entry -> new Tally(entry.getKey().kind(), entry.getKey().due(),
                entry.getKey().subject(), entry.getValue())).toList();
    }

    private record TallyRow(String definitionKey, Instant due, String instanceId, String businessKey, int count) {
    }

    private record Tallied(StepKind kind, Instant due, String subject) {
    }

    private List<OpenStep> inbox(String candidateType, String candidate) {
        return inbox(candidateType, candidate, null, null);
    }

    /**
     * @param stepKey with its business keys, only the steps of this user task of the models and of these keys; null
     *                for all
     */
    private List<OpenStep> inbox(String candidateType, String candidate, String stepKey, String[] ofKeys) {
        String sql = INBOX_SQL.replace("{step}", stepKey == null ? "" : " and TASK_DEF_KEY_ = ? and BUSINESS_KEY_ = any(?)");
        List<StepRow> open = read(sql, candidateType, candidate, stepKey == null ? List.of() : List.of(stepKey, ofKeys),
                row -> new StepRow(row.getString(1), row.getString(2), row.getString(3), instant(row, 4),
                        instant(row, 5), row.getString(6), row.getString(7)));
        Map<String, String> adjusted = adjustedTasks(open.stream()
                .filter(step -> Adjustments.DECIDE.equals(step.definitionKey())).map(StepRow::instanceId).toList());
        List<OpenStep> steps = new ArrayList<>(open.size());
        for (StepRow step : open) {
            String key = shownKey(step.definitionKey(), step.instanceId(), step.businessKey(), adjusted);
            StepKind kind = StepKind.ofKey(step.definitionKey()).orElse(null);
            if (key != null && kind != null) {
                steps.add(new OpenStep(step.userTaskId(), kind, step.name(), subjectOf(key), periodOf(key), step.due(),
                        step.created()));
            }
        }
        return steps;
    }

    private interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    /**
     * A candidate's rows of the ledger, on the engine's connection. The inbox processes, the candidate and its type
     * are bound first, then the statement's further parameters in their order; a list of ids is one array parameter
     * ({@code = any(?)}): an {@code in} list of hundreds of parameters is parsed and planned on every read, longer than
     * it runs (docs/BENCHMARKS.md).
     */
    private <T> List<T> read(String sql, String candidateType, String candidate, List<Object> more,
                             RowReader<T> reader) {
        return ((ServiceImpl) tasks).getCommandExecutor().execute(context -> {
            Connection connection = context.getDbSqlSession().getSqlSession().getConnection();
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < INBOX_PROCESSES.length; i++) {
                    statement.setString(i + 1, INBOX_PROCESSES[i]);
                }
                statement.setString(INBOX_PROCESSES.length + 1, candidate);
                statement.setString(INBOX_PROCESSES.length + 2, candidateType);
                for (int i = 0; i < more.size(); i++) {
                    statement.setObject(INBOX_PROCESSES.length + 3 + i, more.get(i));
                }
                List<T> rows = new ArrayList<>();
                try (ResultSet row = statement.executeQuery()) {
                    while (row.next()) {
                        rows.add(reader.read(row));
                    }
                }
                return rows;
            } catch (SQLException e) {
                throw new ProcessEngineException("the inbox of " + candidate + " could not be read", e);
            }
        });
    }

    private record StepRow(String userTaskId, String definitionKey, String name, Instant due, Instant created,
                           String instanceId, String businessKey) {
    }

    /**
     * The task each adjustment's instance adjusts, by instance; an indicator's adjustment, which has no task, is not
     * among them.
     */
    private Map<String, String> adjustedTasks(List<String> adjustmentInstances) {
        String[] adjustments = adjustmentInstances.stream().distinct().toArray(String[]::new);
        Map<String, String> taskIds = new HashMap<>();
        if (adjustments.length > 0) {
            runtime.createVariableInstanceQuery().processInstanceIdIn(adjustments).variableName(Adjustments.TASK_ID)
                    .list().stream().filter(variable -> variable.getValue() != null)
                    .forEach(variable -> taskIds.put(variable.getProcessInstanceId(), (String) variable.getValue()));
        }
        return taskIds;
    }

    /**
     * The business key a step is shown under: its instance's ({@code taskId} or {@code taskId/period}, or a case's or
     * round's id), but an adjustment's process is keyed by the adjustment and its step is shown on the task it adjusts;
     * an indicator's, which has no task, is left to the plan's page (null).
     */
    private static String shownKey(String definitionKey, String instanceId, String businessKey,
                                   Map<String, String> adjustedTasks) {
        return Adjustments.DECIDE.equals(definitionKey) ? adjustedTasks.get(instanceId) : businessKey;
    }

    /** The task, case or round a business key names, without a period. */
    private static String subjectOf(String key) {
        int slash = key.indexOf('/');
        return slash < 0 ? key : key.substring(0, slash);
    }

    /** The period a report's business key names ({@code taskId/period}); null for any other key. */
    private static String periodOf(String key) {
        int slash = key.indexOf('/');
        return slash < 0 ? null : key.substring(slash + 1);
    }

    /**
     * The engine writes its times as the JVM's local time without a zone; read as a local date-time they skip the
     * calendar arithmetic {@code getTimestamp} does per row, a busy inbox's thousands of rows (docs/BENCHMARKS.md).
     */
    private static Instant instant(ResultSet row, int column) throws SQLException {
        LocalDateTime local = row.getObject(column, LocalDateTime.class);
        return local == null ? null : local.atZone(ZoneId.systemDefault()).toInstant();
    }
}
