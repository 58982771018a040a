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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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
     * The open, unassigned steps of the inbox processes a candidate (a group or user) has: a candidate link, no
     * assignee, as Camunda's candidate query asks. {@code {instance}} joins the instance where a statement needs it;
     * {@code {links}} is how the candidate's links are found ({@link #throughLinks}).
     */
    private static final String WAITING = "from ACT_RU_TASK t join ACT_RE_PROCDEF d on d.ID_ = t.PROC_DEF_ID_ "
            + "{instance}where d.KEY_ in (" + String.join(", ", Collections.nCopies(INBOX_PROCESSES.length, "?")) + ") "
            + "and t.ASSIGNEE_ is null and {links}";
    /** Every open step is read, and those with the candidate's link kept: the planners join the links by hashing. */
    private static final String SCANNING = "exists (select 1 from ACT_RU_IDENTITYLINK i where i.TASK_ID_ = t.ID_ "
            + "and i.TYPE_ = 'candidate' and i.{candidate} = ?)";
    /** The candidate's links are read through their index, and each step by its id. */
    private static final String LINKED = "t.ID_ = any(array(select i.TASK_ID_ from ACT_RU_IDENTITYLINK i "
            + "where i.TYPE_ = 'candidate' and i.{candidate} = ?))";
    /**
     * Up to so many links, reading the steps by id is cheaper than scanning every open step; beyond, the scan is
     * (among 32,544 open steps: the supervisors' counts over 2,290 links 8 ms against 18, the busiest unit's listing
     * over 8,012 links 42 ms against 35; docs/BENCHMARKS.md). A larger table only makes the scan dearer, so the bound
     * stays on the safe side as a province grows.
     */
    private static final int LINKS_READ_BY_ID = 3_000;
    /**
     * The steps, oldest first. The business keys come from {@link #businessKeys}: joining every step's instance for
     * its key was half of the statement's time.
     */
    private static final String INBOX_SQL = "select t.ID_, t.TASK_DEF_KEY_, t.NAME_, t.DUE_DATE_, t.CREATE_TIME_, "
            + "t.PROC_INST_ID_ " + WAITING + "{step} order by t.CREATE_TIME_, t.ID_";
    /**
     * The same steps counted by kind and due date in the database, optionally per process instance: an inbox's counts
     * without carrying its thousands of steps to the application (docs/BENCHMARKS.md).
     */
    private static final String TALLY_SQL = "select t.TASK_DEF_KEY_, t.DUE_DATE_, {perInstance}, count(*) " + WAITING
            + " group by t.TASK_DEF_KEY_, t.DUE_DATE_{grouped}";
    /** So many process instances' business keys are kept; past it, the kept ones are forgotten and read again. */
    private static final int KEPT_KEYS = 100_000;

    private final TaskService tasks;
    private final RuntimeService runtime;
    private final int linksReadById;
    /**
     * Business keys by process instance. An instance's key is given when it starts and no process here changes it,
     * so a key once read stays true; an instance that ends is no longer asked for.
     */
    private final Map<String, String> keptKeys = new ConcurrentHashMap<>();

    @Autowired
    public WaitingSteps(TaskService tasks, RuntimeService runtime) {
        this(tasks, runtime, LINKS_READ_BY_ID);
    }

    /** @param linksReadById up to how many links a candidate's steps are read by id; 0 always scans */
    public WaitingSteps(TaskService tasks, RuntimeService runtime, int linksReadById) {
        this.tasks = tasks;
        this.runtime = runtime;
        this.linksReadById = linksReadById;
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

    /** A unit's inbox: the steps of the tasks it leads or works with, oldest first. */
    public List<OpenStep> ofUnit(String unitId) {
        return inbox(unitId);
    }

    /** The supervisors' inbox, of every plan; who sees which is decided by the plan's supervising office. */
    public List<OpenStep> ofSupervisors() {
        return inbox(PlanPublication.SUPERVISOR_GROUP);
    }

    /** An evaluator's inbox: their steps in the evaluation rounds they are appointed to, oldest first. */
    public List<OpenStep> ofEvaluator(String username) {
        return inbox("USER_ID_", username);
    }

    private List<OpenStep> inbox(String group) {
        return inbox("GROUP_ID_", group);
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
        return inbox("GROUP_ID_", unitId, ProgressReporting.WRITE,
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
        String sql = TALLY_SQL.replace("{perInstance}", bySubject ? "t.PROC_INST_ID_" : "null")
                .replace("{grouped}", bySubject ? ", t.PROC_INST_ID_" : "").replace("{instance}", "");
        Map<String, String> businessKeys = new HashMap<>();
        List<TallyRow> rows = ((ServiceImpl) tasks).getCommandExecutor().execute(context -> {
            Connection connection = context.getDbSqlSession().getSqlSession().getConnection();
            try (PreparedStatement statement = connection.prepareStatement(
                    throughLinks(sql, connection, "GROUP_ID_", group))) {
                bind(statement, group, List.of());
                List<TallyRow> counted = new ArrayList<>();
                try (ResultSet row = statement.executeQuery()) {
                    while (row.next()) {
                        counted.add(new TallyRow(row.getString(1), instant(row.getTimestamp(2)), row.getString(3),
                                row.getInt(4)));
                    }
                }
                if (bySubject) {
                    businessKeys.putAll(businessKeys(connection, counted.stream().map(TallyRow::instanceId).toList()));
                }
                return counted;
            } catch (SQLException e) {
                throw new ProcessEngineException("the inbox of " + group + " could not be counted", e);
            }
        });
        if (bySubject) {
            adjustedTasks(rows.stream().filter(row -> Adjustments.DECIDE.equals(row.definitionKey()))
                    .map(TallyRow::instanceId).toList(), businessKeys);
        }
        // a task's instances (its assignment, each period's report) fold into one tally per kind and due date
        Map<Tallied, Integer> tallied = new LinkedHashMap<>();
        for (TallyRow row : rows) {
            StepKind kind = StepKind.ofKey(row.definitionKey()).orElse(null);
            if (kind != null && (!bySubject || businessKeys.get(row.instanceId()) != null)) {
                String subject = bySubject ? businessKeys.get(row.instanceId()).split("/", 2)[0] : null;
                tallied.merge(new Tallied(kind, row.due(), subject), row.count(), Integer::sum);
            }
        }
        return tallied.entrySet().stream().map(entry -> new Tally(entry.getKey().kind(), entry.getKey().due(),
                entry.getKey().subject(), entry.getValue())).toList();
    }

    private record TallyRow(String definitionKey, Instant due, String instanceId, int count) {
    }

    private record Tallied(StepKind kind, Instant due, String subject) {
    }

    /**
     * The open, unassigned steps of the inbox processes a group or user is a candidate for, read in one statement and
     * their business keys kept or read after it: Camunda's task query and the process instance query it needed for the
     * keys mapped whole entities row by row, 90 % of an inbox's time with a few thousand steps (docs/BENCHMARKS.md).
     */
    private List<OpenStep> inbox(String candidateColumn, String candidate) {
        return inbox(candidateColumn, candidate, null, null);
    }

    /**
     * @param stepKey      only the steps of this user task of the models, or null for all
     * @param ofKeys       with a step, only the steps of these business keys
     */
    private List<OpenStep> inbox(String candidateColumn, String candidate, String stepKey, String[] ofKeys) {
        String sql = INBOX_SQL
                .replace("{instance}", stepKey == null ? "" : "join ACT_RU_EXECUTION e on e.ID_ = t.PROC_INST_ID_ ")
                .replace("{step}", stepKey == null ? "" : " and t.TASK_DEF_KEY_ = ? and e.BUSINESS_KEY_ = any(?)");
        Map<String, String> businessKeys = new HashMap<>();
        List<StepRow> open = ((ServiceImpl) tasks).getCommandExecutor().execute(context -> {
            Connection connection = context.getDbSqlSession().getSqlSession().getConnection();
            // the steps of a few reports are found through their business keys, whichever way the links are read
            try (PreparedStatement statement = connection.prepareStatement(stepKey != null
                    ? withLinks(sql, SCANNING, candidateColumn)
                    : throughLinks(sql, connection, candidateColumn, candidate))) {
                bind(statement, candidate, stepKey == null ? List.of() : List.of(stepKey, ofKeys));
                List<StepRow> rows = new ArrayList<>();
                try (ResultSet row = statement.executeQuery()) {
                    while (row.next()) {
                        rows.add(new StepRow(row.getString(1), row.getString(2), row.getString(3),
                                instant(row.getTimestamp(4)), instant(row.getTimestamp(5)), row.getString(6)));
                    }
                }
                businessKeys.putAll(businessKeys(connection, rows.stream().map(StepRow::instanceId).toList()));
                return rows;
            } catch (SQLException e) {
                throw new ProcessEngineException("the inbox of " + candidate + " could not be read", e);
            }
        });
        adjustedTasks(open.stream().filter(step -> Adjustments.DECIDE.equals(step.definitionKey()))
                .map(StepRow::instanceId).toList(), businessKeys);
        return open.stream().filter(step -> businessKeys.containsKey(step.instanceId())).map(step -> {
            String[] key = businessKeys.get(step.instanceId()).split("/", 2);
            return new OpenStep(step.userTaskId(), StepKind.ofKey(step.definitionKey()).orElse(null), step.name(),
                    key[0], key.length > 1 ? key[1] : null, step.due(), step.created());
        }).filter(step -> step.kind() != null).toList();
    }

    /**
     * Binds the inbox processes, the candidate, then the statement's further parameters in their order. A list of ids
     * is one array parameter ({@code = any(?)}): an {@code in} list of hundreds of parameters is parsed and planned on
     * every read, longer than it runs (docs/BENCHMARKS.md).
     */
    private static void bind(PreparedStatement statement, String candidate, List<Object> more) throws SQLException {
        for (int i = 0; i < INBOX_PROCESSES.length; i++) {
            statement.setString(i + 1, INBOX_PROCESSES[i]);
        }
        statement.setString(INBOX_PROCESSES.length + 1, candidate);
        for (int i = 0; i < more.size(); i++) {
            statement.setObject(INBOX_PROCESSES.length + 2 + i, more.get(i));
        }
    }

    /**
     * The statement with the candidate's links found the cheaper way for their number: a few thousand links are read
     * through their index, more by scanning the open steps. The planners cannot tell the two cases apart (they
     * estimate every candidate's links alike), so the links are counted first, through the same index.
     */
    private String throughLinks(String sql, Connection connection, String candidateColumn, String candidate)
            throws SQLException {
        long links;
        // counted only as far as the bound: a busy unit's thousands of links are not worth counting to the end
        try (PreparedStatement count = connection.prepareStatement("select count(*) from (select 1 from "
                + "ACT_RU_IDENTITYLINK where TYPE_ = 'candidate' and " + candidateColumn + " = ? limit ?) links")) {
            count.setString(1, candidate);
            count.setInt(2, linksReadById + 1);
            try (ResultSet row = count.executeQuery()) {
                row.next();
                links = row.getLong(1);
            }
        }
        return withLinks(sql, links <= linksReadById ? LINKED : SCANNING, candidateColumn);
    }

    /** The statement with its candidate's links found this way ({@link #LINKED} or {@link #SCANNING}). */
    private static String withLinks(String sql, String links, String candidateColumn) {
        return sql.replace("{links}", links).replace("{candidate}", candidateColumn);
    }

    /** The business keys of these process instances: the kept ones, and the others read in one statement. */
    private Map<String, String> businessKeys(Connection connection, List<String> instanceIds) throws SQLException {
        Map<String, String> found = new HashMap<>();
        List<String> unknown = new ArrayList<>();
        for (String instanceId : new LinkedHashSet<>(instanceIds)) {
            String key = keptKeys.get(instanceId);
            if (key != null) {
                found.put(instanceId, key);
            } else {
                unknown.add(instanceId);
            }
        }
        Map<String, String> read = new HashMap<>();
        if (!unknown.isEmpty()) {
            try (PreparedStatement statement = connection.prepareStatement(
                    "select ID_, BUSINESS_KEY_ from ACT_RU_EXECUTION where ID_ = any(?)")) {
                statement.setObject(1, unknown.toArray(String[]::new));
                try (ResultSet row = statement.executeQuery()) {
                    while (row.next()) {
                        if (row.getString(2) != null) {
                            read.put(row.getString(1), row.getString(2));
                        }
                    }
                }
            }
        }
        if (keptKeys.size() + read.size() > KEPT_KEYS) {
            keptKeys.clear();
        }
        keptKeys.putAll(read);
        found.putAll(read);
        return found;
    }

    private record StepRow(String userTaskId, String definitionKey, String name, Instant due, Instant created,
                           String instanceId) {
    }

    /**
     * An adjustment's process is keyed by the adjustment; its step is shown on the task it adjusts (read from the
     * process), and an indicator's, which has no task, is left to the plan's page.
     */
    private void adjustedTasks(List<String> adjustmentInstances, Map<String, String> businessKeys) {
        String[] adjustments = adjustmentInstances.stream().distinct().toArray(String[]::new);
        if (adjustments.length == 0) {
            return;
        }
        Map<String, String> taskIds = new HashMap<>();
        runtime.createVariableInstanceQuery().processInstanceIdIn(adjustments).variableName(Adjustments.TASK_ID)
                .list().forEach(variable -> taskIds.put(variable.getProcessInstanceId(), (String) variable.getValue()));
        for (String instanceId : adjustments) {
            if (taskIds.get(instanceId) == null) {
                businessKeys.remove(instanceId);
            } else {
                businessKeys.put(instanceId, taskIds.get(instanceId));
            }
        }
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
