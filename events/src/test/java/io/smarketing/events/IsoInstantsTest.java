package io.smarketing.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonMappingException;

class IsoInstantsTest {

    @Test
    void everyInstantAsInstantToStringWritesItReadsBackTheSame() {
        SplittableRandom random = new SplittableRandom(20261201);
        long from = Instant.parse("1970-01-01T00:00:00Z").getEpochSecond();
        long to = Instant.parse("2100-01-01T00:00:00Z").getEpochSecond();
        for (int n = 0; n < 100_000; n++) {
            // whole seconds, milli-, micro- and nanosecond precision, as toString() shortens them
            int nanos = switch (n % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1_000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(random.nextLong(from, to), nanos);
            assertEquals(instant, IsoInstants.parse(instant.toString()), instant.toString());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "2024-02-29T23:59:59.5Z", "2026-12-01T09:30:00.1Z", "2026-12-01T09:30:00.123456789Z",
            "0000-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "2026-12-01t09:30:00z", "2026-12-01T24:00:00Z",
            "2026-12-01T09:30:00.Z", "2026-12-01T09:30:00+09:00", "2016-12-31T23:59:60Z" })
    void theOddOnesReadAsInstantParseReadsThem(String text) {
        assertEquals(Instant.parse(text), IsoInstants.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "2026-13-01T09:30:00Z", "2026-02-29T09:30:00Z", "2026-12-01T09:30Z",
            "2026-12-01T09:60:00Z", "2026-12-01T09:30:00.1234567890Z", "2026-12-01 09:30:00Z",
            "2026-12-0x-T09:30:00Z", "+2026-12-01T09:30:00Z1", "yesterday" })
    void whatInstantParseRefusesIsRefusedTheSameWay(String text) {
        DateTimeParseException expected = assertThrows(DateTimeParseException.class, () -> Instant.parse(text));
        DateTimeParseException actual = assertThrows(DateTimeParseException.class, () -> IsoInstants.parse(text));
        assertEquals(expected.getMessage(), actual.getMessage());
    }

    @Test
    void eventPayloadsReadTheirInstantsThroughIt() throws Exception {
        record At(Instant at) {
        }
        assertEquals(Instant.parse("2026-12-01T09:30:00.000001Z"),
                EventJson.mapper().readValue("{\"at\":\"2026-12-01T09:30:00.000001Z\"}", At.class).at());
        assertEquals(Instant.ofEpochSecond(1_700_000_000), EventJson.mapper().readValue("{\"at\":1700000000}", At.class).at());
        assertThrows(JsonMappingException.class, () -> EventJson.mapper().readValue("{\"at\":\"2026-02-30T00:00:00Z\"}", At.class));
    }
}
