package org.duban.app.demo;

import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.QueryGateway;
import org.duban.api.CommandRefused;
import org.duban.api.plan.ListPlans;
import org.duban.api.plan.PlanSummary;
import org.duban.app.plan.importing.ImportReport;
import org.duban.app.plan.importing.PlanImporter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.SimpleTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/** The demo's transaction: all of it or, should the execution fail, the samples alone; never twice. */
@SuppressWarnings({"unchecked", "rawtypes"})
class DemoDataTest {
    private static final ImportReport IMPORTED = new ImportReport(false, true, "plan-1", "sample.xlsx", "XLSX", 1, "00",
            1, 1, 1, 94, 12, List.of(), Map.of(), List.of(), List.of(), List.of(), List.of(), false, List.of());

    private final Transactions transactions = new Transactions();
    private final PlanImporter importer = mock(PlanImporter.class);
    private final DemoActors actors = mock(DemoActors.class);
    private final DemoExecution execution = mock(DemoExecution.class);
    private final QueryGateway queries = mock(QueryGateway.class);
    private final DemoData demo = new DemoData(importer, actors, execution, queries,
            new TransactionTemplate(transactions));

    @BeforeEach
    void anEmptySystemWithTheDemoAccounts() {
        plans(List.of());
        when(actors.asOrSystem(anyString(), any())).thenAnswer(call -> ((Supplier) call.getArgument(1)).get());
        when(importer.importFile(any(), anyString(), any(), eq(false))).thenReturn(IMPORTED);
    }

    @Test
    void the_samples_and_their_execution_are_committed_together() {
        when(execution.run("plan-1")).thenReturn(Optional.of(new DemoExecution.Outcome(List.of("2026-Q3", "2026-Q4"),
                9, 94)));

        demo.load();

        assertThat(transactions.committed).isEqualTo(1);
        assertThat(transactions.rolledBack).isZero();
        verify(importer, times(2)).importFile(any(), anyString(), any(), eq(false));
    }

    @Test
    void a_failed_execution_rolls_the_whole_demo_back_and_the_samples_are_imported_as_drafts_without_failing_start_up() {
        when(execution.run("plan-1")).thenThrow(new CommandRefused("plan.not-published", "refused"));

        demo.load();

        assertThat(transactions.rolledBack).isEqualTo(1);
        assertThat(transactions.committed).isEqualTo(1);
        verify(importer, times(4)).importFile(any(), anyString(), any(), eq(false));
        verify(execution, times(1)).run("plan-1");
    }

    @Test
    void a_system_that_has_a_plan_gets_no_demo_again() {
        plans(List.of(mock(PlanSummary.class)));

        demo.load();

        verifyNoInteractions(importer, execution);
        assertThat(transactions.committed + transactions.rolledBack).isZero();
    }

    private void plans(List<PlanSummary> plans) {
        when(queries.query(any(ListPlans.class), any(ResponseType.class)))
                .thenReturn(CompletableFuture.completedFuture(plans));
    }

    private static final class Transactions implements PlatformTransactionManager {
        int committed;
        int rolledBack;

        @Override
        public TransactionStatus getTransaction(TransactionDefinition definition) {
            return new SimpleTransactionStatus();
        }

        @Override
        public void commit(TransactionStatus status) {
            committed++;
        }

        @Override
        public void rollback(TransactionStatus status) {
            rolledBack++;
        }
    }
}
