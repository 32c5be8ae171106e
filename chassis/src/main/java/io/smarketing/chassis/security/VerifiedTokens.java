package io.smarketing.chassis.security;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

import io.smallrye.jwt.auth.principal.ParseException;

/**
 * Bearer tokens whose signature and claims were verified a moment ago, by their exact text. A client sends the
 * same token for hours, and checking its RSA signature again on every request was the largest single cost of
 * capturing a lead (a fifth of leads-service's CPU in a profile under load). A token is reused only until the
 * earlier of its {@code exp} and {@code maxAge} after it was verified, so a signing key taken out of service stops
 * being honoured within {@code maxAge}; a token that fails verification is never kept.
 */
public final class VerifiedTokens {

    /** Verifies a token's text: the JWT parser. */
    @FunctionalInterface
    public interface Verifier {
        JsonWebToken verify(String token) throws ParseException;
    }

    private record Verified(JsonWebToken token, long untilMillis) {
    }

    private final Map<String, Verified> verified = new ConcurrentHashMap<>();
    private final int capacity;
    private final long maxAgeMillis;
    private final Clock clock;

    public VerifiedTokens(int capacity, Duration maxAge, Clock clock) {
        this.capacity = capacity;
        this.maxAgeMillis = maxAge.toMillis();
        this.clock = clock;
    }

    public JsonWebToken verify(String token, Verifier verifier) throws ParseException {
        long now = clock.instant().toEpochMilli(); // not millis(): a clock ticking in microseconds divides by zero there
        Verified known = verified.get(token);
        if (known != null && now < known.untilMillis()) {
            return known.token();
        }
        JsonWebToken fresh = verifier.verify(token);
        // a token without exp (should the parser ever accept one) is checked every time: nothing bounds its reuse
        if (maxAgeMillis > 0 && fresh.getClaim(Claims.exp.name()) instanceof Number expiresAt) {
            long untilMillis = Math.min(expiresAt.longValue() * 1_000, now + maxAgeMillis);
            remember(token, new Verified(fresh, untilMillis), now);
        }
        return fresh;
    }

    public int size() {
        return verified.size();
    }

    /** Bounded: when full, the lapsed entries go, and if that frees nothing, all of them. */
    private void remember(String token, Verified entry, long now) {
        if (verified.size() >= capacity) {
            verified.values().removeIf(old -> old.untilMillis() <= now);
            if (verified.size() >= capacity) {
                verified.clear();
            }
        }
        verified.put(token, entry);
    }
}
