package org.duban.query;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionSynchronizationUtils;

import static org.assertj.core.api.Assertions.assertThat;

/** A projection's memory lasts as long as its transaction, holds at most its capacity, and is never another's. */
class TransactionMemoryTest {
    private final TransactionMemory<String, String> memory = new TransactionMemory<>(2);

    @AfterEach
    void noTransaction() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationUtils.invokeAfterCompletion(TransactionSynchronizationManager.getSynchronizations(),
                    TransactionSynchronization.STATUS_ROLLED_BACK);
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    private static void aTransactionStarts() {
        TransactionSynchronizationManager.initSynchronization();
    }

    private static void itEnds(int status) {
        TransactionSynchronizationUtils.invokeAfterCompletion(TransactionSynchronizationManager.getSynchronizations(),
                status);
        TransactionSynchronizationManager.clearSynchronization();
    }

    @Test
    void outside_a_transaction_nothing_is_remembered() {
        memory.put("task-1", "state");

        assertThat(memory.get("task-1")).isNull();
    }

    @Test
    void within_a_transaction_the_least_recently_used_entry_goes_first_beyond_its_capacity() {
        aTransactionStarts();
        memory.put("task-1", "one");
        memory.put("task-2", "two");
        memory.get("task-1");

        memory.put("task-3", "three");

        assertThat(memory.get("task-1")).isEqualTo("one");
        assertThat(memory.get("task-2")).isNull();
        assertThat(memory.get("task-3")).isEqualTo("three");
    }

    @Test
    void what_was_remembered_is_forgotten_when_the_transaction_ends_however_it_ends() {
        for (int status : new int[]{TransactionSynchronization.STATUS_COMMITTED,
                TransactionSynchronization.STATUS_ROLLED_BACK}) {
            aTransactionStarts();
            memory.put("task-1", "one");
            itEnds(status);

            aTransactionStarts();
            assertThat(memory.get("task-1")).as("after status %d", status).isNull();
            itEnds(status);
        }
        assertThat(TransactionSynchronizationManager.getResourceMap()).isEmpty();
    }

    @Test
    void a_rollback_to_a_savepoint_forgets_every_memory_and_a_reset_forgets_its_own() {
        TransactionMemory<String, String> other = new TransactionMemory<>(2);
        aTransactionStarts();
        memory.put("task-1", "one");
        other.put("task-1", "other");

        memory.forget();
        assertThat(memory.get("task-1")).isNull();
        assertThat(other.get("task-1")).isEqualTo("other");

        memory.put("task-1", "one");
        TransactionMemory.forgetAll();
        assertThat(memory.get("task-1")).isNull();
        assertThat(other.get("task-1")).isNull();
    }

    @Test
    void an_inner_transaction_neither_sees_nor_changes_the_outer_ones_memory() {
        aTransactionStarts();
        memory.put("task-1", "outer");
        // requires-new suspends the outer transaction's synchronizations; a resource it bound stays bound
        var outer = TransactionSynchronizationManager.getSynchronizations();
        TransactionSynchronizationManager.clearSynchronization();
        aTransactionStarts();

        assertThat(memory.get("task-1")).isNull();
        memory.put("task-1", "inner");
        TransactionSynchronizationManager.clearSynchronization();

        TransactionSynchronizationManager.initSynchronization();
        outer.forEach(TransactionSynchronizationManager::registerSynchronization);
        assertThat(memory.get("task-1")).isEqualTo("outer");
    }
}
