package io.smarketing.chassis.persistence;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Runs something once the current transaction has committed, and not at all if it rolls back: for waking a
 * worker that should see what the transaction wrote, which it could not before the commit.
 */
public final class AfterCommit {

    private AfterCommit() {
    }

    /**
     * Registers {@code action} for after the commit, once per transaction and {@code key} however often it is
     * called. Must run inside a transaction.
     */
    public static void once(TransactionSynchronizationRegistry transactions, Object key, Runnable action) {
        if (transactions.getResource(key) != null) {
            return;
        }
        transactions.putResource(key, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    action.run();
                }
            }
        });
    }
}
