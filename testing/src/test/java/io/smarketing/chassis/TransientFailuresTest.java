package io.smarketing.chassis;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;

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

    @Test
    void aRecordThatIsNotAnEventOrAHandlerBugIsNot() {
        assertFalse(TransientFailures.isTransient(new EventDecodingException("not json", null)));
        assertFalse(TransientFailures.isTransient(new ClassCastException("wrong event")));
        assertFalse(TransientFailures.isTransient(new SQLException("no state")));
    }
}
