package io.smarketing.chassis.persistence;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionScoped;

import org.hibernate.Session;

/**
 * The writes of one transaction, sent as JDBC batches: a consumer batch of 500 events writes its rows in a
 * few round trips instead of one per statement. Statements of the same SQL text keep their order; different
 * texts are sent in the order they were first added, so a text's writes must not depend on a later text's
 * (the projections' upserts are order-independent across tables, and each table has one text).
 */
@TransactionScoped
public class StatementBatch {

    private final Map<String, List<Object[]>> statements = new LinkedHashMap<>();
    private final Set<String> rowStatements = new HashSet<>();
    private final EntityManager entityManager;

    StatementBatch(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Adds a statement with positional ({@code ?}) parameters; an {@link Instant} is sent as a timestamptz. */
    public void add(String sql, Object... parameters) {
        statements.computeIfAbsent(sql, text -> new ArrayList<>()).add(parameters);
    }

    /**
     * Adds a row to a statement that takes all its rows at once, one {@code text[]} parameter per column, e.g.
     * {@code insert into t (a, b) select a::uuid, b::timestamptz from unnest(?::text[], ?::text[]) as r (a, b)}:
     * the rows added under one text go in one execution however many there are, rather than one execution each.
     * Values are sent as text, which the statement casts (an {@link Instant} in ISO-8601, a {@link BigDecimal}
     * plain); null stays null.
     */
    public void addRow(String sql, Object... values) {
        rowStatements.add(sql);
        add(sql, values);
    }

    /** Sends everything added so far, one JDBC batch per text. */
    public void flush() {
        if (statements.isEmpty()) {
            return;
        }
        entityManager.unwrap(Session.class).doWork(connection -> {
            for (Map.Entry<String, List<Object[]>> statement : statements.entrySet()) {
                if (rowStatements.contains(statement.getKey())) {
                    executeRows(connection, statement.getKey(), statement.getValue());
                    continue;
                }
                try (PreparedStatement prepared = connection.prepareStatement(statement.getKey())) {
                    for (Object[] parameters : statement.getValue()) {
                        for (int i = 0; i < parameters.length; i++) {
                            prepared.setObject(i + 1, parameters[i] instanceof Instant instant
                                    ? instant.atOffset(ZoneOffset.UTC) : parameters[i]);
                        }
                        prepared.addBatch();
                    }
                    prepared.executeBatch();
                }
            }
        });
        statements.clear();
        rowStatements.clear();
    }

    private static void executeRows(Connection connection, String sql, List<Object[]> rows) throws SQLException {
        try (PreparedStatement prepared = connection.prepareStatement(sql)) {
            int columns = rows.get(0).length;
            for (int column = 0; column < columns; column++) {
                String[] values = new String[rows.size()];
                for (int row = 0; row < values.length; row++) {
                    values[row] = text(rows.get(row)[column]);
                }
                prepared.setArray(column + 1, connection.createArrayOf("text", values));
            }
            prepared.executeUpdate();
        }
    }

    private static String text(Object value) {
        return value == null ? null : value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString();
    }
}
