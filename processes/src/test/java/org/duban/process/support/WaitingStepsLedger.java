package org.duban.process.support;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The inboxes' ledger ({@code DUBAN_WAITING_STEP}) as the process tests' engine holds it. */
public final class WaitingStepsLedger {
    private static final String ROWS = "select STEP_ID_, CANDIDATE_TYPE_, CANDIDATE_, PROC_DEF_KEY_, TASK_DEF_KEY_, "
            + "NAME_, DUE_DATE_, CREATE_TIME_, PROC_INST_ID_, BUSINESS_KEY_ from DUBAN_WAITING_STEP "
            + "order by STEP_ID_, CANDIDATE_TYPE_, CANDIDATE_";
    /** The same of the engine's own tables: every candidate link of an open, unassigned step. */
    private static final String ENGINE_ROWS = "select t.ID_, case when i.GROUP_ID_ is not null then 'group' else "
            + "'user' end, coalesce(i.GROUP_ID_, i.USER_ID_), t.DUE_DATE_ from ACT_RU_TASK t join ACT_RU_IDENTITYLINK i "
            + "on i.TASK_ID_ = t.ID_ and i.TYPE_ = 'candidate' where t.ASSIGNEE_ is null order by 1, 2, 3";
    private static final String LEDGER_ROWS = "select STEP_ID_, CANDIDATE_TYPE_, CANDIDATE_, DUE_DATE_ "
            + "from DUBAN_WAITING_STEP order by 1, 2, 3";

    private WaitingStepsLedger() {
    }

    /** Every row, in the order of step and candidate. */
    public static List<List<Object>> rows() {
        return withConnection(connection -> read(connection, ROWS));
    }

    /** The ledger holds a row for every candidate of every open, unassigned step, with its due date, and no other. */
    public static void assertAgreesWithEngine() {
        withConnection(connection -> {
            assertThat(read(connection, LEDGER_ROWS)).isEqualTo(read(connection, ENGINE_ROWS));
            return null;
        });
    }

    /** Empties the ledger and runs the engine schema migration's statement that fills it. */
    public static void refillAsTheMigrationDoes() {
        String script;
        try {
            script = Files.readString(Path.of(EngineSchemaMigrations.LOCATION.substring("filesystem:".length()),
                    "V3__waiting_steps.sql"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String fill = script.substring(script.indexOf("insert into DUBAN_WAITING_STEP"), script.lastIndexOf(';'));
        withConnection(connection -> {
            try (PreparedStatement delete = connection.prepareStatement("delete from DUBAN_WAITING_STEP");
                 PreparedStatement insert = connection.prepareStatement(fill)) {
                delete.executeUpdate();
                insert.executeUpdate();
            }
            return null;
        });
    }

    private interface Work<T> {
        T on(Connection connection) throws SQLException;
    }

    private static <T> T withConnection(Work<T> work) {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl)
                AbstractAssertions.processEngine().getProcessEngineConfiguration();
        return configuration.getCommandExecutorTxRequired().execute((Command<T>) context -> {
            try {
                return work.on(context.getDbSqlSession().getSqlSession().getConnection());
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static List<List<Object>> read(Connection connection, String sql) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                List<Object> values = new ArrayList<>();
                for (int i = 1; i <= row.getMetaData().getColumnCount(); i++) {
                    values.add(row.getObject(i));
                }
                rows.add(values);
            }
        }
        return rows;
    }
}
