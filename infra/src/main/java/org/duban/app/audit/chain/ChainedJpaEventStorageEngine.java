package org.duban.app.audit.chain;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;
import org.axonframework.serialization.Serializer;

import java.util.List;

/**
 * Axon's JPA event storage, with every appended event enlisted in the {@link EventChain} of the transaction
 * that appends it. Appending joins the caller's transaction, or opens one that the chain then commits with.
 */
class ChainedJpaEventStorageEngine extends JpaEventStorageEngine {
    private final EventChain chain;
    private final TransactionManager transactionManager;

    ChainedJpaEventStorageEngine(Builder builder, EventChain chain, TransactionManager transactionManager) {
        super(builder);
        this.chain = chain;
        this.transactionManager = transactionManager;
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        // The same transaction as Axon's own (it joins this one), so the link is written before that commit.
        transactionManager.executeInTransaction(() -> {
            super.appendEvents(events, serializer);
            chain.enlist(events);
        });
    }
}
