package io.smarketing.chassis;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.RollbackException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.smarketing.chassis.messaging.TransientFailures;
import io.smarketing.events.EventDecodingException;

class TransientFailuresTest {

    @ParameterizedTest
    @ValueSource(strings = { "08001", "08006", "08003", "57P01", "57P03", "40001", "40P01", "55P03", "53300" })
    void databaseConditionsThatEndByThemselvesAreTransientHoweverDeepTheyAreWrapped(String sqlState) {
        Exception wrapped = new RuntimeException("commit failed",
                new PersistenceException("statement failed", new SQLException("server says no", sqlState)));
        assertTrue(TransientFailures.isTransient(wrapped), sqlState);
    }

    @ParameterizedTest
    @ValueSource(strings = { "23505", "23502", "22P02", "42P01" })
    void brokenRulesBadDataAndMissingTablesAreNot(String sqlState) {
        assertFalse(TransientFailures.isTransient(new PersistenceException(new SQLException("no", sqlState))),
                sqlState);
    }

    @Test
    void lockConflictsAndLostConnectionsAreTransient() {
        assertTrue(TransientFailures.isTransient(new OptimisticLockException("stale")));
        assertTrue(TransientFailures.isTransient(new SQLTransientConnectionException("pool timed out")));
    }

    /** How the transaction manager reports a commit whose connection died: the driver's error only suppressed. */
    @Test
    void aCommitThatLostItsConnectionIsTransientAndInDoubt() {
        RollbackException commit = new RollbackException("ARJUNA016053: Could not commit transaction.");
        commit.addSuppressed(new javax.transaction.xa.XAException("Error trying to transactionCommit local transaction")
                .initCause(new SQLException("FATAL: terminating connection due to unexpected postmaster exit", "57P01")));
        RuntimeException thrown = new RuntimeException("Error invoking subclass method", commit);
        assertTrue(TransientFailures.isTransient(thrown));
        assertTrue(TransientFailures.isCommitInDoubt(thrown));
        assertTrue(TransientFailures.describe(thrown).contains("unexpected postmaster exit"),
                TransientFailures.describe(thrown));
    }

    @Test
    void aRolledBackCommitWithoutAnOutageIsNeitherTransientNorInDoubt() {
        RuntimeException thrown = new RuntimeException(new RollbackException("marked for rollback only"));
        assertFalse(TransientFailures.isTransient(thrown));
        assertFalse(TransientFailures.isCommitInDoubt(thrown));
        assertFalse(TransientFailures.isCommitInDoubt(new SQLTransientConnectionException("pool timed out")));
    }

    @Test
    void aRecordThatIsNotAnEventOrAHandlerBugIsNot() {
        assertFalse(TransientFailures.isTransient(new EventDecodingException("not json", null)));
        assertFalse(TransientFailures.isTransient(new ClassCastException("wrong event")));
        assertFalse(TransientFailures.isTransient(new SQLException("no state")));
    }
}
