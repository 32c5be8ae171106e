package io.smarketing.chassis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import io.smallrye.jwt.auth.principal.ParseException;
import io.smarketing.chassis.security.VerifiedTokens;

class VerifiedTokensTest {

    private static final Instant START = Instant.parse("2026-12-01T09:00:00Z");

    /** A clock the test moves. */
    private static final class TestClock extends Clock {
        private Instant now = START;

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    /** Counts verifications; every token it verifies expires {@code lifetime} after {@link #START}. */
    private static final class CountingVerifier implements VerifiedTokens.Verifier {
        final AtomicInteger calls = new AtomicInteger();
        final Duration lifetime;

        CountingVerifier(Duration lifetime) {
            this.lifetime = lifetime;
        }

        @Override
        public JsonWebToken verify(String token) throws ParseException {
            calls.incrementAndGet();
            if (token.startsWith("forged")) {
                throw new ParseException("signature does not match");
            }
            return claims(token, token.startsWith("no-exp") ? null : START.plus(lifetime).getEpochSecond());
        }
    }

    private final TestClock clock = new TestClock();

    @Test
    void theSameTokenIsVerifiedOnceWithinItsMaxAgeAndAgainAfterwards() throws ParseException {
        CountingVerifier verifier = new CountingVerifier(Duration.ofHours(8));
        VerifiedTokens tokens = new VerifiedTokens(100, Duration.ofSeconds(60), clock);
        JsonWebToken first = tokens.verify("a", verifier);
        clock.now = START.plusSeconds(59);
        assertSame(first, tokens.verify("a", verifier));
        assertEquals(1, verifier.calls.get());
        clock.now = START.plusSeconds(60);
        tokens.verify("a", verifier);
        assertEquals(2, verifier.calls.get(), "verified again once its max age passed");
    }

    @Test
    void aTokenIsNeverReusedPastItsExpiry() throws ParseException {
        CountingVerifier verifier = new CountingVerifier(Duration.ofSeconds(10));
        VerifiedTokens tokens = new VerifiedTokens(100, Duration.ofSeconds(60), clock);
        tokens.verify("short", verifier);
        clock.now = START.plusSeconds(10);
        tokens.verify("short", verifier);
        assertEquals(2, verifier.calls.get(), "at its exp the parser decides again");
    }

    @Test
    void aTokenThatFailsVerificationIsNotKeptAndFailsEveryTime() {
        CountingVerifier verifier = new CountingVerifier(Duration.ofHours(8));
        VerifiedTokens tokens = new VerifiedTokens(100, Duration.ofSeconds(60), clock);
        assertThrows(ParseException.class, () -> tokens.verify("forged-a", verifier));
        assertThrows(ParseException.class, () -> tokens.verify("forged-a", verifier));
        assertEquals(2, verifier.calls.get());
        assertEquals(0, tokens.size());
    }

    @Test
    void theCacheStaysWithinItsCapacity() throws ParseException {
        CountingVerifier verifier = new CountingVerifier(Duration.ofHours(8));
        VerifiedTokens tokens = new VerifiedTokens(10, Duration.ofSeconds(60), clock);
        for (int n = 0; n < 1_000; n++) {
            tokens.verify("token-" + n, verifier);
            assertTrue(tokens.size() <= 10, "size " + tokens.size());
        }
    }

    @Test
    void aTokenWithoutExpiryIsVerifiedEveryTime() throws ParseException {
        CountingVerifier verifier = new CountingVerifier(Duration.ofHours(8));
        VerifiedTokens tokens = new VerifiedTokens(100, Duration.ofSeconds(60), clock);
        tokens.verify("no-exp", verifier);
        tokens.verify("no-exp", verifier);
        assertEquals(2, verifier.calls.get());
        assertEquals(0, tokens.size());
    }

    @Test
    void aMaxAgeOfZeroVerifiesEveryRequest() throws ParseException {
        CountingVerifier verifier = new CountingVerifier(Duration.ofHours(8));
        VerifiedTokens tokens = new VerifiedTokens(100, Duration.ZERO, clock);
        tokens.verify("a", verifier);
        tokens.verify("a", verifier);
        assertEquals(2, verifier.calls.get());
    }

    private static JsonWebToken claims(String name, Long expiresAt) {
        Map<String, Object> claims = expiresAt == null ? Map.of("upn", name) : Map.of("upn", name, "exp", expiresAt);
        return new JsonWebToken() {
            @Override
            public String getName() {
                return name;
            }

            @Override
            public Set<String> getClaimNames() {
                return claims.keySet();
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String claimName) {
                return (T) claims.get(claimName);
            }
        };
    }
}
