package org.duban.process.steps;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.DbEntityCache;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Keeps {@code DUBAN_WAITING_STEP}, the open unassigned steps by candidate that {@link WaitingSteps} reads: one row per
 * step and candidate, written on the engine's connection in the transaction that creates, changes or ends the step, so
 * the table never says other than the engine's own tables (engine schema migration V3 made it and filled it with the
 * steps open then).
 * <p>
 * Its listener is added to every user task of every model as a built-in one, which the engine calls even where an
 * instance is deleted skipping custom listeners. A step's candidates, assignee or due date changed after it was created
 * (in Camunda's Tasklist or REST API) fire the step's {@code update} or {@code assignment} event, and its rows are
 * written again.
 */
@Component
public class WaitingStepLedger extends AbstractProcessEnginePlugin implements TaskListener {
    static final String TABLE = "DUBAN_WAITING_STEP";
    static final String GROUP = "group";
    static final String USER = "user";

    private static final String INSERT = "insert into " + TABLE + " (STEP_ID_, CANDIDATE_TYPE_, CANDIDATE_, "
            + "PROC_DEF_KEY_, TASK_DEF_KEY_, NAME_, DUE_DATE_, CREATE_TIME_, PROC_INST_ID_, BUSINESS_KEY_) "
            + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String DELETE = "delete from " + TABLE + " where STEP_ID_ = ?";

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTask, ScopeImpl scope, ActivityImpl activity) {
                var definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
                for (String event : List.of(EVENTNAME_CREATE, EVENTNAME_UPDATE, EVENTNAME_ASSIGNMENT,
                        EVENTNAME_COMPLETE, EVENTNAME_DELETE)) {
                    definition.addBuiltInTaskListener(event, WaitingStepLedger.this);
                }
            }
        });
    }

    @Override
    public void notify(DelegateTask step) {
        String event = step.getEventName();
        Connection connection = Context.getCommandContext().getDbSqlSession().getSqlSession().getConnection();
        try {
            if (!EVENTNAME_CREATE.equals(event)) {
                try (PreparedStatement delete = connection.prepareStatement(DELETE)) {
                    delete.setString(1, step.getId());
                    delete.executeUpdate();
                }
            }
            // a model's assignee fires the assignment event before the step is created; it is assigned, so not written
            boolean open = !EVENTNAME_COMPLETE.equals(event) && !EVENTNAME_DELETE.equals(event);
            if (open && step.getAssignee() == null) {
                insert(connection, step);
            }
        } catch (SQLException e) {
            throw new ProcessEngineException("the inboxes could not record step " + step.getId() + " (" + event + ")", e);
        }
    }

    private static void insert(Connection connection, DelegateTask step) throws SQLException {
        Set<List<String>> candidates = new LinkedHashSet<>();
        DbEntityCache cached = Context.getCommandContext().getDbEntityManager().getDbEntityCache();
        for (IdentityLink link : step.getCandidates()) {
            // a link deleted in this command stays among the step's links until the command ends
            if (IdentityLinkType.CANDIDATE.equals(link.getType())
                    && !(link instanceof DbEntity entity && cached.isDeleted(entity))) {
                if (link.getGroupId() != null) {
                    candidates.add(List.of(GROUP, link.getGroupId()));
                } else if (link.getUserId() != null) {
                    candidates.add(List.of(USER, link.getUserId()));
                }
            }
        }
        if (candidates.isEmpty() || step.getTaskDefinitionKey() == null) {
            return;
        }
        ExecutionEntity instance = ((ExecutionEntity) step.getExecution()).getProcessInstance();
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (List<String> candidate : candidates) {
                insert.setString(1, step.getId());
                insert.setString(2, candidate.get(0));
                insert.setString(3, candidate.get(1));
                insert.setString(4, instance.getProcessDefinition().getKey());
                insert.setString(5, step.getTaskDefinitionKey());
                insert.setString(6, step.getName());
                insert.setTimestamp(7, step.getDueDate() == null ? null : new Timestamp(step.getDueDate().getTime()));
                insert.setTimestamp(8, new Timestamp(step.getCreateTime().getTime()));
                insert.setString(9, instance.getId());
                insert.setString(10, instance.getBusinessKey());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
