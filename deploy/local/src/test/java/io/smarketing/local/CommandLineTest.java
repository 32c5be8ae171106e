package io.smarketing.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one argument parser: every command has --help, and a wrong command line is a usage error that starts nothing. */
class CommandLineTest {

    @TempDir
    Path home;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int smarketing(String... args) {
        return smarketing(Map.of(), args);
    }

    private int smarketing(Map<String, String> variables, String... args) {
        Map<String, String> environment = new java.util.HashMap<>(variables);
        environment.put("SMARKETING_HOME", home.resolve("state").toString());
        Launcher launcher = new Launcher(home, environment,
                new Console(new PrintStream(out, true, StandardCharsets.UTF_8)), new PrintStream(err, true, StandardCharsets.UTF_8));
        return Smarketing.run(launcher, args);
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theUsageListsEveryCommandAndTheEnvironment() {
        assertEquals(0, smarketing("--help"));
        for (String command : new String[] { "build", "up", "down", "status", "logs", "dead-letters", "rebuild", "token", "test",
            "bench-history", "bench" }) {
            assertTrue(printed().contains("  " + command + " "), command + " in\n" + printed());
        }
        assertTrue(printed().contains("SMARKETING_KAFKA_CLIENT_PROPERTIES"), printed());
    }

    @Test
    void everyCommandHasItsHelp() {
        for (String command : new String[] { "build", "up", "down", "status", "logs", "dead-letters", "rebuild", "token", "test",
            "bench-history", "bench" }) {
            out.reset();
            assertEquals(0, smarketing(command, "--help"), command);
            assertTrue(printed().startsWith("Usage: ./smarketing " + command), printed());
        }
        assertTrue(printed().contains("--count"), printed());
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        assertEquals(2, smarketing("start"));
        assertTrue(errors().contains("start"), errors());
    }

    @Test
    void deadLettersTakeAServiceAndAnOptionalReplayAndTouchNoBrokerOtherwise() {
        assertEquals(2, smarketing("dead-letters"));
        assertEquals(2, smarketing("dead-letters", "goals-service", "--force"));
        assertEquals(2, smarketing("dead-letters", "goals-service", "--replay", "now"));
        assertEquals(1, smarketing("dead-letters", "billing-service"));
        assertTrue(errors().contains("smarketing: dead-letters: unknown service billing-service"), errors());
        assertEquals("", printed());
    }

    @Test
    void aTokenNeedsAKnownRoleAUserAndWholeHours() {
        assertEquals(2, smarketing("token", "marketing"));
        assertEquals(2, smarketing("token", "admin", "alice"));
        assertTrue(errors().contains("unknown role 'admin'"), errors());
        assertEquals(2, smarketing("token", "sales", "sam", "soon"));
        assertEquals(2, smarketing("token", "sales", "sam", "0"));
        assertEquals("", printed());
    }

    @Test
    void aTokenIsSignedWithTheStateFoldersKeys() {
        assertEquals(0, smarketing("token", "sales", "sam", "2"));
        String token = printed().strip();
        assertEquals(3, token.split("\\.").length, token);
        assertTrue(home.resolve("state/keys/private.pem").toFile().isFile());
    }

    @Test
    void theBenchmarkNeedsEnoughLeadsAndOneClientBeforeItStartsAnything() {
        assertEquals(2, smarketing("bench", "--count", "5"));
        assertEquals(2, smarketing("bench", "--clients", "0"));
        assertEquals(2, smarketing("bench", "--count", "ten"));
        assertEquals(2, smarketing("bench", "--speed", "9"));
        assertEquals("", printed());
    }

    @Test
    void aRebuildNamesAServiceOfARunningPlatformAndStartsNothingOtherwise() {
        assertEquals(2, smarketing("rebuild"));
        assertEquals(1, smarketing("rebuild", "billing-service"));
        assertTrue(errors().contains("smarketing: rebuild: unknown service billing-service"), errors());
        assertEquals(2, smarketing("rebuild", "goals-service", "--timeout", "0"));
        // No goals-service answers on its port: nothing to rebuild, and nothing started.
        assertEquals(1, smarketing(Map.of("SMARKETING_GOALS_PORT", String.valueOf(freePort())), "rebuild", "goals-service"));
        assertTrue(errors().contains("goals-service does not run on port"), errors());
        assertEquals("", printed());
    }

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void theHistoryBenchmarkNeedsPositiveSizesBeforeItStartsAnything() {
        assertEquals(2, smarketing("bench-history", "--sizes", "1000,0"));
        assertEquals(2, smarketing("bench-history", "--sizes", "many"));
        assertEquals(2, smarketing("bench-history", "--clients", "0"));
        assertEquals("", printed());
    }

    @Test
    void upTakesEitherBuildOrNoBuild() {
        assertEquals(2, smarketing("up", "--build", "--no-build"));
        assertEquals(2, smarketing("up", "--fast"));
        assertEquals("", printed());
    }

    @Test
    void logsNameAComponent() {
        assertEquals(2, smarketing("logs", "billing"));
        assertTrue(errors().contains("unknown log \"billing\"; one of: postgres kafka goals-service"), errors());
        assertEquals(1, smarketing("logs", "kafka"));
        assertTrue(errors().contains("no log yet"), errors());
    }
}
