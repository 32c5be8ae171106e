package io.smarketing.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class DeadLettersTest {

    @Test
    void anythingButAServiceAndAnOptionalReplayIsAUsageErrorThatTouchesNoBroker() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        assertEquals(2, DeadLetters.run(new String[] { "127.0.0.1:1" }, out));
        assertEquals(2, DeadLetters.run(new String[] { "127.0.0.1:1", "goals-service", "--force" }, out));
        assertEquals(2, DeadLetters.run(new String[] { "127.0.0.1:1", "goals-service", "--replay", "now" }, out));
        assertEquals("", printed.toString(StandardCharsets.UTF_8));
    }

    @Test
    void replayProgressIsKeptPerService() {
        assertEquals("smarketing-dead-letters-goals-service", DeadLetters.replayGroup("goals-service"));
    }
}
