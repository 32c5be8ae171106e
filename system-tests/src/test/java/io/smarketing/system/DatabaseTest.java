package io.smarketing.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;

import io.smarketing.platform.DatabaseCredentials;
import io.smarketing.platform.Platform;
import io.smarketing.platform.Service;

/**
 * The PostgreSQL the services run on: commits are durable (an answered write survives a crash of the server),
 * and nobody gets in without the password of the state folder.
 */
class DatabaseTest {

    @Test
    void everyServiceCommitsDurably() throws SQLException {
        assumeLocalPostgres();
        DatabaseCredentials credentials = PlatformUnderTest.databaseCredentials();
        for (Service service : Platform.SERVICES) {
            try (Connection connection = DriverManager.getConnection(PlatformUnderTest.ADDRESSES.jdbcUrl(service.database()),
                    credentials.user(service.database()), credentials.password(service.database()))) {
                assertEquals("on", show(connection, "synchronous_commit"), service.name());
                assertEquals("on", show(connection, "fsync"), service.name());
            }
        }
    }

    @Test
    void aRoleWithoutItsPasswordIsTurnedAway() {
        assumeLocalPostgres();
        for (String user : new String[] { DatabaseCredentials.SUPERUSER, Platform.LEADS.database() }) {
            SQLException refused = assertThrows(SQLException.class,
                    () -> DriverManager.getConnection(PlatformUnderTest.ADDRESSES.jdbcUrl("postgres"), user, "").close(), user);
            assertTrue(refused.getMessage().contains("password"), refused.getMessage());
            assertThrows(SQLException.class, () -> DriverManager.getConnection(PlatformUnderTest.ADDRESSES.jdbcUrl("postgres"),
                    user, "a guess").close(), user);
        }
    }

    /** An existing PostgreSQL (SMARKETING_PG_HOST) is configured by whoever runs it, not by ./smarketing. */
    private static void assumeLocalPostgres() {
        assumeFalse(PlatformUnderTest.ADDRESSES.externalPostgres(),
                "SKIPPED: the platform runs on an existing PostgreSQL (SMARKETING_PG_HOST), whose settings are not ours to check");
    }

    private static String show(Connection connection, String setting) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("SHOW " + setting)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
