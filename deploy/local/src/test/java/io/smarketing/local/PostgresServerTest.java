package io.smarketing.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import io.smarketing.platform.Addresses;
import io.smarketing.platform.DatabaseCredentials;
import io.smarketing.platform.Profile;
import io.smarketing.platform.StateFolder;

/**
 * The local PostgreSQL, a real server in a state folder of its own: durable commits, passwords only, and a start
 * that copes with a server left running by an earlier run and with one killed by SIGKILL. One server for the
 * class (its first start extracts the binaries), the tests in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PostgresServerTest {

    @TempDir
    static Path home;

    private static Addresses addresses;
    private static StateFolder state;
    private static Processes processes;
    private static PostgresServer postgres;
    private static final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    @BeforeAll
    static void startOnce() {
        addresses = Addresses.resolve(Profile.LOCAL, home, Map.of("SMARKETING_HOME", home.toString(),
                "SMARKETING_PG_PORT", String.valueOf(SupervisorTest.freePort())));
        state = addresses.state();
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        processes = new Processes(state, out);
        postgres = new PostgresServer(processes, addresses, new Console(out));
        postgres.ensureRunning(DatabaseCredentials.local(state));
    }

    @AfterAll
    static void stop() {
        postgres.stop();
    }

    @BeforeEach
    void forgetOutput() {
        printed.reset();
    }

    @Test
    @Order(1)
    void commitsAreDurable() throws SQLException {
        try (Connection leads = connect("leads")) {
            assertEquals("on", show(leads, "synchronous_commit"));
            assertEquals("on", show(leads, "fsync"));
            assertEquals("4GB", show(leads, "max_wal_size"));
        }
    }

    @Test
    @Order(2)
    void everyRoleNeedsItsRandomPasswordFromTheOwnerOnlyFile() throws Exception {
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(state.databaseCredentials())));
        DatabaseCredentials credentials = DatabaseCredentials.read(state);
        assertNotEquals("leads", credentials.password("leads"), "not the role's name");
        assertNotEquals(credentials.password("leads"), credentials.password("goals"));
        for (String user : new String[] { DatabaseCredentials.SUPERUSER, "leads" }) {
            assertThrows(SQLException.class, () -> DriverManager.getConnection(addresses.jdbcUrl("postgres"), user, "").close(), user);
            assertThrows(SQLException.class, () -> DriverManager.getConnection(addresses.jdbcUrl("postgres"), user, user).close(), user);
        }
        assertTrue(Files.readString(postgres.data().resolve("pg_hba.conf")).lines()
                .filter(line -> !line.startsWith("#") && !line.isBlank()).allMatch(line -> line.endsWith("scram-sha-256")));
    }

    @Test
    @Order(3)
    void aSecondStartLeavesTheRunningServerAlone() {
        long pid = postgres.running().orElseThrow().pid();
        postgres.ensureRunning(DatabaseCredentials.local(state));
        assertEquals(pid, postgres.running().orElseThrow().pid());
        assertTrue(printed.toString(StandardCharsets.UTF_8).startsWith("-> PostgreSQL already running (pid " + pid), printed.toString(StandardCharsets.UTF_8));
    }

    @Test
    @Order(4)
    void aServerLeftRunningByAnEarlierRunIsStoppedAndStartedAfresh() throws SQLException {
        try (Connection leads = connect("leads")) {
            execute(leads, "CREATE TABLE kept (id int)");
            execute(leads, "INSERT INTO kept VALUES (1)");
        }
        ProcessHandle orphan = postgres.running().orElseThrow();
        processes.forget(PostgresServer.NAME); // as if the run that started it had been killed before it remembered it
        assertEquals(orphan.pid(), postgres.orphan().orElseThrow().pid());

        postgres.ensureRunning(DatabaseCredentials.local(state));
        assertTrue(printed.toString(StandardCharsets.UTF_8).contains("-> stopping PostgreSQL server left running (pid " + orphan.pid() + ")"),
                printed.toString(StandardCharsets.UTF_8));
        assertFalse(orphan.isAlive());
        assertNotEquals(orphan.pid(), postgres.running().orElseThrow().pid());
        assertTrue(postgres.orphan().isEmpty());
        try (Connection leads = connect("leads")) {
            assertEquals("1", query(leads, "SELECT count(*) FROM kept"), "the data is kept");
        }
    }

    @Test
    @Order(5)
    void aServerKilledWithSigkillComesBackWithEveryCommittedRow() throws Exception {
        try (Connection leads = connect("leads")) {
            execute(leads, "INSERT INTO kept VALUES (2)");
        }
        ProcessHandle killed = postgres.running().orElseThrow();
        killed.destroyForcibly();
        killed.onExit().get(10, TimeUnit.SECONDS);

        postgres.ensureRunning(DatabaseCredentials.local(state));
        try (Connection leads = connect("leads")) {
            assertEquals("2", query(leads, "SELECT count(*) FROM kept"), "the answered commit survived the crash");
        }
    }

    @Test
    @Order(6)
    void aDataDirectoryOfTheEarlierLauncherLosesItsTrustAtTheNextStart() throws Exception {
        postgres.stop();
        Path hba = postgres.data().resolve("pg_hba.conf");
        Files.writeString(hba, "host all all 127.0.0.1/32 trust\n");
        postgres.ensureRunning(DatabaseCredentials.local(state));
        assertThrows(SQLException.class, () -> DriverManager.getConnection(addresses.jdbcUrl("postgres"),
                DatabaseCredentials.SUPERUSER, "").close());
        assertFalse(Files.readString(hba).contains("trust"));
        try (Connection leads = connect("leads")) {
            assertEquals("on", show(leads, "synchronous_commit"));
        }
    }

    @Test
    @Order(7)
    void aStoppedServerIsGoneAndItsPortFree() {
        ProcessHandle server = postgres.running().orElseThrow();
        postgres.stop();
        assertFalse(server.isAlive());
        assertTrue(postgres.running().isEmpty());
        assertTrue(Probes.portFree(addresses.postgresPort()));
    }

    private static Connection connect(String database) throws SQLException {
        DatabaseCredentials credentials = DatabaseCredentials.read(state);
        return DriverManager.getConnection(addresses.jdbcUrl(database), credentials.user(database), credentials.password(database));
    }

    private static String show(Connection connection, String setting) throws SQLException {
        return query(connection, "SHOW " + setting);
    }

    private static String query(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
