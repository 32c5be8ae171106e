package io.smarketing.chassis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smarketing.chassis.persistence.StatementBatch;
import io.smarketing.testing.RealInfrastructure;

/** The chassis' batched writes: rows sent as arrays in one statement. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class StatementBatchTest {

    private static final String INSERT_ROWS = """
            insert into probe_row (id, amount, at, note, flag)
            select id::uuid, amount::numeric, at::timestamptz, note, flag::boolean
            from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) as incoming (id, amount, at, note, flag)""";

    @Inject
    StatementBatch statements;

    @Inject
    EntityManager entityManager;

    @Test
    void rowsGoInAsArraysAndComeBackAsTheyWere() {
        UUID full = UUID.randomUUID();
        UUID empty = UUID.randomUUID();
        Instant at = Instant.parse("2026-04-01T09:30:15.123456Z");
        String note = "quotes ' \" commas , braces {} backslash \\ and 日本語";
        QuarkusTransaction.requiringNew().run(() -> {
            statements.addRow(INSERT_ROWS, full, new BigDecimal("1E+3"), at, note, true);
            statements.addRow(INSERT_ROWS, empty, null, null, null, null);
            statements.flush();
        });

        assertEquals(List.of(new BigDecimal("1000.00"), at, note, true), row(full), "every type, written as text");
        assertEquals(Arrays.asList(null, null, null, null), row(empty), "nulls stay null");
    }

    private List<Object> row(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Object[] row = (Object[]) entityManager.createNativeQuery(
                    "select amount, at, note, flag from probe_row where id = :id").setParameter("id", id).getSingleResult();
            return Arrays.asList(row[0], instant(row[1]), row[2], row[3]);
        });
    }

    private static Instant instant(Object value) {
        if (value instanceof OffsetDateTime time) {
            return time.toInstant();
        }
        return value instanceof Timestamp timestamp ? timestamp.toInstant() : (Instant) value;
    }
}
