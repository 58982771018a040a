package org.duban.app.persistence;

import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.configuration.Configuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * V1 to V10 were first shipped as one script per database; for V1 to V8 the shared script's text differs from one
 * or both of them, so a database they migrated recorded other checksums (Flyway sums a versioned script's text
 * before it replaces placeholders). Before Flyway validates, this rewrites exactly those recorded checksums, each
 * for its version and database, to the shared script's. Any other checksum, such as that of a script edited after
 * it ran, still fails validation.
 */
final class FormerChecksums implements Callback {
    private static final Logger log = LoggerFactory.getLogger(FormerChecksums.class);

    /** Per version: the checksum of the former H2 script, of the former PostgreSQL script, and of the shared one. */
    record Former(String version, int h2, int postgresql, int shared) {
        int of(SchemaMigrations.Database database) {
            return database == SchemaMigrations.Database.H2 ? h2 : postgresql;
        }
    }

    static final List<Former> FORMER = List.of(
            new Former("1", -1878798044, -1655940768, -280589816),
            new Former("2", 478643284, -1932533002, 478643284),
            new Former("3", -693624105, -148709833, -693624105),
            new Former("4", -1497699183, -1702663367, -1497699183),
            new Former("5", 1459057853, -573852698, 1459057853),
            new Former("6", -367194127, -1454213610, -1714293219),
            new Former("7", 1309076734, -2001271370, 322350917),
            new Former("8", -1478098875, 1110226234, 1571951619));

    private final SchemaMigrations.Database database;

    FormerChecksums(SchemaMigrations.Database database) {
        this.database = database;
    }

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.BEFORE_VALIDATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        Configuration configuration = context.getConfiguration();
        Connection connection = context.getConnection();
        try {
            String schema = configuration.getDefaultSchema() != null || configuration.getSchemas().length == 0
                    ? configuration.getDefaultSchema() : configuration.getSchemas()[0];
            if (!historyExists(connection, schema, configuration.getTable())) {
                return;
            }
            String table = (schema == null ? "" : quoted(schema) + ".") + quoted(configuration.getTable());
            try (PreparedStatement update = connection.prepareStatement("update " + table
                    + " set " + quoted("checksum") + " = ? where " + quoted("version") + " = ? and "
                    + quoted("checksum") + " = ? and " + quoted("type") + " = 'SQL'")) {
                for (Former former : FORMER) {
                    if (former.of(database) == former.shared()) {
                        continue;
                    }
                    update.setInt(1, former.shared());
                    update.setString(2, former.version());
                    update.setInt(3, former.of(database));
                    if (update.executeUpdate() > 0) {
                        log.info("Schema history: V{} ran as the former {} script; its checksum is now the shared "
                                + "script's", former.version(), database);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not update the checksums of the former per-database scripts", e);
        }
    }

    private static boolean historyExists(Connection connection, String schema, String table) throws SQLException {
        try (ResultSet tables = connection.getMetaData().getTables(connection.getCatalog(),
                schema == null ? connection.getSchema() : schema, table, null)) {
            return tables.next();
        }
    }

    private static String quoted(String name) {
        return '"' + name + '"';
    }

    @Override
    public String getCallbackName() {
        return "formerChecksums";
    }
}
