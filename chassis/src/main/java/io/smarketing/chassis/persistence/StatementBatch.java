package io.smarketing.chassis.persistence;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
    private final EntityManager entityManager;

    StatementBatch(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Adds a statement with positional ({@code ?}) parameters; an {@link Instant} is sent as a timestamptz. */
    public void add(String sql, Object... parameters) {
        statements.computeIfAbsent(sql, text -> new ArrayList<>()).add(parameters);
    }

    /** Sends everything added so far, one JDBC batch per text. */
    public void flush() {
        if (statements.isEmpty()) {
            return;
        }
        entityManager.unwrap(Session.class).doWork(connection -> {
            for (Map.Entry<String, List<Object[]>> statement : statements.entrySet()) {
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
    }
}
