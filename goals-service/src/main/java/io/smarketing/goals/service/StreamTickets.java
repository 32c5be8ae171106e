package io.smarketing.goals.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.smarketing.goals.config.GoalsConfig;

/**
 * Tickets that open a live view stream: a signed-in page trades its bearer token (in a header) for a ticket it
 * may put in the stream's URL. A ticket is random, lives {@code goals.stream-ticket-ttl}, opens one stream and
 * never outlives the token it was issued for; only its hash is stored, so a database dump holds no ticket.
 */
@ApplicationScoped
public class StreamTickets {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** Who a redeemed ticket stands for, and until when their token is valid. */
    public record Holder(String user, Set<String> groups, Instant tokenExpiresAt) {
    }

    /** A ticket to pass as {@code ?ticket=}, and when it stops opening a stream. */
    public record Ticket(String ticket, Instant expiresAt) {
    }

    private final EntityManager entityManager;
    private final GoalsConfig config;
    private final Clock clock;

    StreamTickets(EntityManager entityManager, GoalsConfig config, Clock clock) {
        this.entityManager = entityManager;
        this.config = config;
        this.clock = clock;
    }

    @Transactional
    public Ticket issue(Holder holder) {
        Instant now = Instant.now(clock);
        entityManager.createNativeQuery("delete from stream_ticket where expires_at < :now")
                .setParameter("now", now).executeUpdate();
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String ticket = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant expiresAt = min(now.plus(config.streamTicketTtl()), holder.tokenExpiresAt());
        entityManager.createNativeQuery("""
                insert into stream_ticket (ticket_hash, user_name, groups, token_expires_at, expires_at)
                values (:hash, :user, cast(:groups as text[]), :tokenExpiresAt, :expiresAt)""")
                .setParameter("hash", hash(ticket))
                .setParameter("user", holder.user())
                .setParameter("groups", "{" + String.join(",", holder.groups()) + "}")
                .setParameter("tokenExpiresAt", holder.tokenExpiresAt())
                .setParameter("expiresAt", expiresAt)
                .executeUpdate();
        return new Ticket(ticket, expiresAt);
    }

    /** The holder of a valid ticket, which is then used up; empty for an unknown, used or expired one. */
    @Transactional
    public Optional<Holder> redeem(String ticket) {
        List<?> rows = entityManager.createNativeQuery("""
                delete from stream_ticket where ticket_hash = :hash and expires_at > :now
                returning user_name, array_to_string(groups, ','), token_expires_at""")
                .setParameter("hash", hash(ticket))
                .setParameter("now", Instant.now(clock))
                .getResultList();
        return rows.stream().map(Object[].class::cast).findFirst().map(row -> new Holder((String) row[0],
                Set.of(((String) row[1]).split(",")), toInstant(row[2])));
    }

    private static Instant toInstant(Object value) {
        return value instanceof Instant instant ? instant : ((java.time.OffsetDateTime) value).toInstant();
    }

    private static String hash(String ticket) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(ticket.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
