package io.smarketing.chassis.security;

import java.time.Clock;
import java.time.Duration;

import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

/** The bearer-token check of every request, through {@link VerifiedTokens}: verified once, then reused briefly. */
@Decorator
@Priority(10)
public abstract class VerifiedTokenParser implements JWTParser {

    /** Far more tokens than the callers of one service at once; an entry is a few kilobytes. */
    private static final int CAPACITY = 10_000;

    private final JWTParser parser;
    private final VerifiedTokens verified;

    @Inject
    VerifiedTokenParser(@Delegate @Any JWTParser parser,
            @ConfigProperty(name = "smarketing.security.verified-token-max-age", defaultValue = "60s") Duration maxAge,
            Clock clock) {
        this.parser = parser;
        this.verified = new VerifiedTokens(CAPACITY, maxAge, clock);
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        return verified.verify(token, parser::parse);
    }
}
