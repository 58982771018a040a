package org.duban.app.persistence;

import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * What a migrated database holds, as lines to compare: every column with its type, size, nullability and default,
 * constraints, indexes, sequences, PostgreSQL's storage of each column, and the rows the scripts insert.
 */
final class SchemaSnapshot {
    private SchemaSnapshot() {
    }

    static List<String> of(DataSource dataSource) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        List<String> lines = new ArrayList<>();
        String schema = jdbc.execute((Connection connection) -> connection.getSchema());
        lines.addAll(jdbc.query("select table_name, column_name, data_type, character_maximum_length, "
                        + "numeric_precision, numeric_scale, datetime_precision, is_nullable, column_default "
                        + "from information_schema.columns where table_schema = ? order by table_name, column_name",
                (row, n) -> "column " + row.getString(1) + "." + row.getString(2) + " " + row.getString(3)
                        + " length=" + row.getObject(4) + " precision=" + row.getObject(5) + "," + row.getObject(6)
                        + " time-precision=" + row.getObject(7) + " nullable=" + row.getString(8)
                        + " default=" + row.getString(9),
                schema));
        lines.addAll(jdbc.query("select table_name, constraint_name, constraint_type from "
                        + "information_schema.table_constraints where table_schema = ? order by table_name, constraint_name",
                (row, n) -> "constraint " + row.getString(1) + "." + withoutObjectIds(row.getString(2)) + " "
                        + row.getString(3),
                schema));
        lines.addAll(jdbc.query("select sequence_name, start_value, increment from information_schema.sequences "
                        + "where sequence_schema = ? order by sequence_name",
                (row, n) -> "sequence " + row.getString(1) + " start=" + row.getLong(2) + " increment=" + row.getLong(3),
                schema));
        lines.addAll(jdbc.execute((Connection connection) -> indexes(connection, schema)));
        if (jdbc.execute((Connection connection) -> SchemaMigrations.Database.of(connection))
                == SchemaMigrations.Database.POSTGRESQL) {
            lines.addAll(jdbc.query("select c.relname, a.attname, a.attstorage from pg_attribute a "
                            + "join pg_class c on c.oid = a.attrelid join pg_namespace s on s.oid = c.relnamespace "
                            + "where s.nspname = ? and c.relkind = 'r' and a.attnum > 0 and not a.attisdropped "
                            + "order by c.relname, a.attname",
                    (row, n) -> "storage " + row.getString(1) + "." + row.getString(2) + " " + row.getString(3),
                    schema));
        }
        lines.addAll(jdbc.query("select id, position, global_index, hash, algorithm, backfill_to from audit_chain_head",
                (row, n) -> "audit_chain_head " + row.getInt(1) + " " + row.getLong(2) + " " + row.getObject(3) + " "
                        + HexFormat.of().formatHex(row.getBytes(4)) + " " + row.getString(5) + " " + row.getObject(6)));
        return lines;
    }

    /** PostgreSQL names a column's not-null check by the ids of its schema and table, which differ per database. */
    private static String withoutObjectIds(String constraint) {
        return constraint.replaceFirst("^\\d+_\\d+_(\\d+_not_null)$", "$1");
    }

    private static List<String> indexes(Connection connection, String schema) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        List<String> tables = new ArrayList<>();
        try (ResultSet result = metaData.getTables(connection.getCatalog(), schema, "%", new String[]{"TABLE"})) {
            while (result.next()) {
                tables.add(result.getString("TABLE_NAME"));
            }
        }
        List<String> lines = new ArrayList<>();
        for (String table : tables.stream().sorted().toList()) {
            try (ResultSet result = metaData.getIndexInfo(connection.getCatalog(), schema, table, false, false)) {
                while (result.next()) {
                    lines.add("index " + table + "." + indexName(result.getString("INDEX_NAME")) + " unique="
                            + !result.getBoolean("NON_UNIQUE") + " " + result.getShort("ORDINAL_POSITION") + ":"
                            + result.getString("COLUMN_NAME"));
                }
            }
        }
        return lines.stream().sorted().toList();
    }

    /** H2 numbers the index of a primary key by a counter (PRIMARY_KEY_453), which differs between ways to one schema. */
    private static String indexName(String name) {
        return name == null ? null : name.replaceAll("^PRIMARY_KEY_[0-9A-F]+$", "PRIMARY_KEY");
    }
}
