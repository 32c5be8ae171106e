package io.smarketing.chassis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.smarketing.chassis.api.IfMatch;
import io.smarketing.chassis.problem.Problem;
import io.smarketing.chassis.problem.ProblemException;

/** How every PUT of the platform learns the version its client read. */
class IfMatchTest {

    private static ProblemException refused(String header, Long bodyVersion) {
        return assertThrows(ProblemException.class, () -> new IfMatch(header).expectedVersion(bodyVersion));
    }

    @ParameterizedTest
    @ValueSource(strings = { "\"3\"", "W/\"3\"", " \"3\" ", "3" })
    void theETagReadIsTheVersionExpected(String header) {
        assertEquals(3, new IfMatch(header).expectedVersion(null));
    }

    @Test
    void withoutIfMatchTheBodysVersionIsExpected() {
        assertEquals(7, new IfMatch(null).expectedVersion(7L));
        assertEquals(7, new IfMatch(" ").expectedVersion(7L));
    }

    @Test
    void bothAgreeingIsThatVersion() {
        assertEquals(2, new IfMatch("\"2\"").expectedVersion(2L));
    }

    @Test
    void bothDisagreeingIsAConflict() {
        assertEquals(409, refused("\"2\"", 1L).status());
    }

    @Test
    void neitherIsA422OnTheVersion() {
        ProblemException problem = refused(null, null);
        assertEquals(422, problem.status());
        assertEquals("version", problem.toProblem(null).violations().get(0).field());
    }

    @ParameterizedTest
    @ValueSource(strings = { "*", "\"abc\"", "\"-1\"", "\"\"", "\"99999999999999999999\"", "W/", "\"٣\"" })
    void anIfMatchThatNamesNoVersionIsA422OnIt(String header) {
        Problem problem = refused(header, 1L).toProblem(null);
        assertEquals(422, problem.status());
        assertEquals("If-Match", problem.violations().get(0).field());
    }

    @Test
    void theETagOfAVersionIsQuoted() {
        assertEquals("\"12\"", IfMatch.tagOf(12));
    }
}
