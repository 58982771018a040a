package org.duban.app.rebuild;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.BiFunction;
import java.util.function.IntConsumer;

/**
 * Keeps live event handling and a rebuild apart, within this JVM.
 * <p>
 * Every transaction that publishes events holds a shared lock from its first event until it completes; a rebuild
 * takes the lock exclusively for its short critical steps (reset, the final catch-up, or the restore after a failed
 * run), so at those moments no append is in flight and the highest global index is final. Between the two steps the projections being rebuilt are
 * <em>suspended</em>: their processors skip live events, which the catch-up then replays in order.
 */
@Component
class RebuildGate {
    private static final String HELD = RebuildGate.class.getName() + ".held";

    private final ReentrantReadWriteLock appends = new ReentrantReadWriteLock();
    private final Set<String> suspended = ConcurrentHashMap.newKeySet();

    /** For every event processor: skip the event while the processor's projections are being rebuilt. */
    MessageHandlerInterceptor<EventMessage<?>> skipWhileSuspended(String processor) {
        return (unitOfWork, chain) -> suspended.contains(processor) ? null : chain.proceed();
    }

    /** For the event bus: a publishing transaction holds the shared lock until it commits or rolls back. */
    MessageDispatchInterceptor<EventMessage<?>> holdWhileAppending() {
        return new MessageDispatchInterceptor<>() {
            @Override
            public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
                holdUntilCompletion();
                return (index, message) -> message;
            }
        };
    }

    private void holdUntilCompletion() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            if (TransactionSynchronizationManager.hasResource(HELD)) {
                return;
            }
            appends.readLock().lock();
            TransactionSynchronizationManager.bindResource(HELD, Boolean.TRUE);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(HELD);
                    appends.readLock().unlock();
                }
            });
        } else if (CurrentUnitOfWork.isStarted()) {
            var root = CurrentUnitOfWork.get().root();
            if (root.resources().putIfAbsent(HELD, Boolean.TRUE) == null) {
                appends.readLock().lock();
                root.onCleanup(unitOfWork -> appends.readLock().unlock());
            }
        }
        // an event published outside any transaction or unit of work is stored and handled at once: nothing to hold
    }

    /**
     * Waits until no transaction is appending events, runs {@code step} while new appends wait, and lets them go on.
     *
     * @throws RebuildRefused when appends do not stop within {@code wait}
     */
    void exclusively(Duration wait, Runnable step) {
        lockExclusively(wait);
        try {
            step.run();
        } finally {
            appends.writeLock().unlock();
        }
    }

    /**
     * Waits until no transaction is appending events and keeps new appends waiting until the calling transaction
     * completes; {@code beforeRelease} runs at completion (with its status), while appends still wait. Must be called
     * inside the transaction whose completion ends the exclusive step.
     *
     * @throws RebuildRefused when appends do not stop within {@code wait}
     */
    void exclusivelyUntilCompletion(Duration wait, IntConsumer beforeRelease) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("the exclusive step of a rebuild must run in a transaction");
        }
        lockExclusively(wait);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                try {
                    beforeRelease.accept(status);
                } finally {
                    appends.writeLock().unlock();
                }
            }
        });
    }

    private void lockExclusively(Duration wait) {
        try {
            if (!appends.writeLock().tryLock(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new RebuildRefused("the system kept appending events for " + wait.toSeconds()
                        + " s; try again when it is quieter");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RebuildRefused("interrupted while waiting for appends to stop");
        }
    }

    void suspend(Collection<String> processors) {
        suspended.addAll(processors);
    }

    void resume(Collection<String> processors) {
        suspended.removeAll(processors);
    }

    boolean isSuspended(String processor) {
        return suspended.contains(processor);
    }
}
