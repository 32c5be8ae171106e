package io.smarketing.chassis.messaging;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.function.Predicate;

import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import jakarta.transaction.HeuristicMixedException;
import jakarta.transaction.RollbackException;

import org.hibernate.StaleStateException;
import org.hibernate.exception.JDBCConnectionException;
import org.hibernate.exception.LockAcquisitionException;

/**
 * Tells a failure that may pass by itself (the database unreachable or restarting, a lock conflict with
 * another transaction) from one that would fail the same way on every attempt (a bug, data that breaks a
 * rule). Only the first kind is worth trying again; the second belongs on the dead-letter topic.
 */
public final class TransientFailures {

    /**
     * PostgreSQL error codes of conditions that end by themselves, besides the whole class 08 (connection
     * exception): serialization failure, deadlock, lock not available, the server shutting down or
     * starting, too many connections.
     */
    private static final Set<String> TRANSIENT_SQL_STATES = Set.of(
            "40001", "40P01", "55P03", "57P01", "57P02", "57P03", "53300");

    private static final String CONNECTION_POOL_PACKAGE = "io.agroal.";

    private TransientFailures() {
    }

    /**
     * Whether the failure, any cause of it or anything suppressed in it passes by itself. The transaction manager
     * reports a commit that lost its connection as a {@link RollbackException} with the driver's error only
     * among the suppressed, so those count too.
     */
    public static boolean isTransient(Throwable failure) {
        return anyWithin(failure, TransientFailures::isTransientItself);
    }

    /**
     * The database went away while it was committing: the change may have been saved or not, and only reading
     * it back tells which.
     */
    public static boolean isCommitInDoubt(Throwable failure) {
        return anyWithin(failure, f -> (f instanceof RollbackException || f instanceof HeuristicMixedException)
                && anyWithin(f, TransientFailures::isTransientItself));
    }

    /** The innermost cause, for a log line: what actually failed, also when it was only suppressed. */
    public static String describe(Throwable failure) {
        Throwable root = innermost(failure);
        for (Throwable suppressed : root.getSuppressed()) {
            if (isTransient(suppressed)) {
                root = innermost(suppressed);
                break;
            }
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private static Throwable innermost(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    /** Visits the failure, its causes and what each suppressed, each once. */
    private static boolean anyWithin(Throwable failure, Predicate<Throwable> test) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> pending = new ArrayDeque<>();
        pending.push(failure);
        while (!pending.isEmpty()) {
            Throwable next = pending.pop();
            if (!seen.add(next)) {
                continue;
            }
            if (test.test(next)) {
                return true;
            }
            if (next.getCause() != null) {
                pending.push(next.getCause());
            }
            for (Throwable suppressed : next.getSuppressed()) {
                pending.push(suppressed);
            }
        }
        return false;
    }

    private static boolean isTransientItself(Throwable failure) {
        if (failure instanceof SQLTransientException || failure instanceof SQLRecoverableException
                || failure instanceof JDBCConnectionException || failure instanceof LockAcquisitionException
                || failure instanceof OptimisticLockException || failure instanceof PessimisticLockException
                || failure instanceof LockTimeoutException || failure instanceof StaleStateException) {
            return true;
        }
        if (failure instanceof SQLException sql && sql.getSQLState() != null) {
            String state = sql.getSQLState();
            return state.startsWith("08") || TRANSIENT_SQL_STATES.contains(state);
        }
        return failure instanceof SQLException && thrownByConnectionPool(failure);
    }

    /**
     * The pool's own failures carry no SQL state: every connection busy until the acquisition timeout (while the
     * database restarts, connections hang and the pool fills), or the pool closing as the service stops. Both
     * pass; neither says anything about the data.
     */
    private static boolean thrownByConnectionPool(Throwable failure) {
        StackTraceElement[] frames = failure.getStackTrace();
        return frames.length > 0 && frames[0].getClassName().startsWith(CONNECTION_POOL_PACKAGE);
    }
}
