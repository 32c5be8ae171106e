package io.smarketing.chassis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.smarketing.chassis.api.QueryParams;
import io.smarketing.chassis.problem.ProblemException;

class QueryParamsTest {

    private enum Colour { RED, GREEN }

    private static String brokenField(Runnable parse) {
        ProblemException problem = assertThrows(ProblemException.class, parse::run);
        assertEquals(422, problem.status());
        return problem.toProblem(null).violations().get(0).field();
    }

    @Test
    void absentOrBlankMeansNoFilter() {
        assertNull(QueryParams.uuid("id", null));
        assertNull(QueryParams.uuid("id", " "));
        assertEquals(Colour.RED, QueryParams.choice("colour", "", Colour.class, Colour.RED));
        assertNull(QueryParams.instantOrDate("from", null, false));
        assertNull(QueryParams.text("q", " "));
    }

    @Test
    void textIsTakenWithoutTheSpacesAroundIt() {
        assertEquals("sam lee", QueryParams.text("q", "  sam lee "));
    }

    @Test
    void textWithANulCharacterIsA422NamingTheParameter() {
        assertEquals("q", brokenField(() -> QueryParams.text("q", "sam\0")));
    }

    @Test
    void aUuidIsOnlyItsCanonicalForm() {
        UUID id = UUID.randomUUID();
        assertEquals(id, QueryParams.uuid("id", " " + id.toString().toUpperCase() + " "));
        assertEquals("id", brokenField(() -> QueryParams.uuid("id", "1-1-1-1-1")));
        assertEquals("id", brokenField(() -> QueryParams.uuid("id", "not-a-uuid")));
    }

    @Test
    void aChoiceIgnoresCaseAndListsTheOthers() {
        assertEquals(Colour.GREEN, QueryParams.choice("colour", "green", Colour.class, null));
        ProblemException problem = assertThrows(ProblemException.class,
                () -> QueryParams.choice("colour", "blue", Colour.class, null));
        assertEquals("must be one of [red, green]", problem.getMessage());
    }

    @Test
    void aDateCountsFromItsStartOrWholeAndOnlyFrom1970To9999() {
        assertEquals(Instant.parse("2026-11-01T00:00:00Z"), QueryParams.instantOrDate("from", "2026-11-01", false));
        assertEquals(Instant.parse("2026-11-02T00:00:00Z"), QueryParams.instantOrDate("to", "2026-11-01", true));
        assertEquals(Instant.parse("9999-12-31T23:59:59Z"), QueryParams.instantOrDate("to", "9999-12-31T23:59:59Z", true));
        for (String outside : new String[] { "+999999999-12-31", "1969-12-31", "+10000-01-01T00:00:00Z",
                "-000001-01-01", "yesterday" }) {
            assertEquals("to", brokenField(() -> QueryParams.instantOrDate("to", outside, true)), outside);
        }
        assertEquals(Instant.EPOCH, QueryParams.instantOrDate("from", "1970-01-01T00:00:00Z", false));
        assertEquals("from", brokenField(() -> QueryParams.instantOrDate("from",
                Instant.EPOCH.minus(1, ChronoUnit.MICROS).toString(), false)));
    }
}
