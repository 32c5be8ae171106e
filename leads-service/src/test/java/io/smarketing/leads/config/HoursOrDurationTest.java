package io.smarketing.leads.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HoursOrDurationTest {

    private final HoursOrDuration converter = new HoursOrDuration();

    @ParameterizedTest
    @CsvSource({ "24,PT24H", "1,PT1H", "0.5,PT30M", "PT3S,PT3S", "3s,PT3S", "90m,PT1H30M", "pt2h,PT2H", "' 48 ',PT48H" })
    void aNumberIsHoursAndAnythingElseADuration(String value, Duration expected) {
        assertEquals(expected, converter.convert(value));
    }

    @ParameterizedTest
    @ValueSource(strings = { "0", "PT0S", "-1", "soon" })
    void aDurationMustBePositiveAndReadable(String value) {
        assertThrows(IllegalArgumentException.class, () -> converter.convert(value));
    }
}
