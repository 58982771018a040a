package org.duban.app.rebuild;

import org.duban.query.UncountedWrites;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RebuildJdbcTemplateTest {
    private SingleConnectionDataSource database;
    private RebuildJdbcTemplate jdbc;

    @BeforeEach
    void aTable() {
        database = new SingleConnectionDataSource("jdbc:h2:mem:" + UUID.randomUUID(), "sa", "", true);
        jdbc = new RebuildJdbcTemplate(database);
        jdbc.execute("create table item (id int primary key, name varchar(8))");
    }

    @AfterEach
    void close() {
        jdbc.stopHolding();
        database.destroy();
    }

    @Test
    void outside_a_replay_an_insert_is_sent_at_once() {
        jdbc.update("insert into item (id, name) values (?, ?)", 1, "a");

        assertThat(rowsSeenElsewhere()).isOne();
    }

    @Test
    void while_holding_inserts_wait_until_a_query_needs_them_and_keep_their_order() {
        jdbc.holdInserts();

        assertThat(jdbc.update("insert into item (id, name) values (?, ?)", 1, "a")).isOne();
        jdbc.update("insert into item (id, name) values (?, ?)", 2, "b");
        assertThat(rowsSeenElsewhere()).as("held").isZero();
        // an update runs at once, after the inserts it may touch
        assertThat(jdbc.update("update item set name = ? where id = ?", "B", 2)).isOne();
        jdbc.update("insert into item (id, name) values (?, ?)", 3, "c");

        assertThat(jdbc.queryForList("select name from item order by id", String.class)).containsExactly("a", "B", "c");
    }

    @Test
    void while_holding_a_batch_of_inserts_is_held_with_the_single_inserts_in_order() {
        jdbc.holdInserts();

        jdbc.update("insert into item (id, name) values (?, ?)", 1, "a");
        assertThat(jdbc.batchUpdate("insert into item (id, name) values (?, ?)",
                List.of(new Object[]{2, "b"}, new Object[]{3, "c"}))).containsExactly(1, 1);
        assertThat(rowsSeenElsewhere()).as("held").isZero();
        // a batch of updates runs at once, after the inserts it may touch
        assertThat(jdbc.batchUpdate("update item set name = ? where id = ?",
                List.<Object[]>of(new Object[]{"C", 3}))).containsExactly(1);

        assertThat(jdbc.queryForList("select name from item order by id", String.class)).containsExactly("a", "b", "C");
    }

    @Test
    void outside_a_replay_an_uncounted_write_is_sent_at_once() {
        jdbc.update("insert into item (id, name) values (?, ?)", 1, "a");

        UncountedWrites.send(jdbc, "update item set name = ? where id = ?", List.<Object[]>of(new Object[]{"A", 1}));

        assertThat(new JdbcTemplate(database).queryForObject("select name from item where id = 1", String.class))
                .isEqualTo("A");
    }

    @Test
    void while_holding_uncounted_writes_wait_and_go_after_the_inserts_in_their_own_order() {
        jdbc.holdInserts();

        jdbc.update("insert into item (id, name) values (?, ?)", 1, "a");
        UncountedWrites.send(jdbc, "update item set name = ? where id = ?", List.<Object[]>of(new Object[]{"A", 1}));
        jdbc.update("insert into item (id, name) values (?, ?)", 2, "b");
        UncountedWrites.send(jdbc, "update item set name = ? where id = ?",
                List.of(new Object[]{"B", 2}, new Object[]{"AA", 1}));
        assertThat(rowsSeenElsewhere()).as("held").isZero();

        assertThat(jdbc.queryForList("select name from item order by id", String.class)).containsExactly("AA", "B");
    }

    @Test
    void held_inserts_go_out_when_the_replay_ends_a_batch() {
        jdbc.holdInserts();
        jdbc.update("insert into item (id, name) values (?, ?)", 1, "a");

        jdbc.sendHeld();

        assertThat(rowsSeenElsewhere()).isOne();
    }

    @Test
    void an_insert_the_database_refuses_fails_when_it_is_sent() {
        jdbc.holdInserts();
        jdbc.update("insert into item (id, name) values (?, ?)", 1, "a");
        jdbc.update("insert into item (id, name) values (?, ?)", 1, "again");

        assertThatThrownBy(jdbc::sendHeld).isInstanceOf(DataAccessException.class);
    }

    @Test
    void stopping_drops_what_is_held() {
        jdbc.holdInserts();
        jdbc.update("insert into item (id, name) values (?, ?)", 1, "a");

        jdbc.stopHolding();

        assertThat(jdbc.queryForObject("select count(*) from item", Long.class)).isZero();
    }

    /** Counted on the same connection, bypassing the template, so nothing held is sent by counting. */
    private long rowsSeenElsewhere() {
        return new JdbcTemplate(database).queryForObject("select count(*) from item", Long.class);
    }
}
