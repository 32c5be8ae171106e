package io.smarketing.chassis.security;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.smarketing.events.Team;

/** Who is calling, from the verified bearer token: the acting user recorded on events, and their team. */
@RequestScoped
public class Caller {

    private final JsonWebToken token;

    Caller(JsonWebToken token) {
        this.token = token;
    }

    /** The user name ({@code upn}, else {@code preferred_username}, else {@code sub}). */
    public String name() {
        return token.getName();
    }

    /** The roles of the token's {@code groups} claim. */
    public Set<String> roles() {
        return token.getGroups() == null ? Set.of() : Set.copyOf(token.getGroups());
    }

    /** When the token stops being valid (its {@code exp} claim). */
    public Instant tokenExpiresAt() {
        return Instant.ofEpochSecond(token.getExpirationTime());
    }

    public boolean hasRole(String role) {
        return token.getGroups() != null && token.getGroups().contains(role);
    }

    /** The team a caller acts for: marketing or sales; executives act for neither. */
    public Optional<Team> team() {
        if (hasRole(Roles.MARKETING)) {
            return Optional.of(Team.MARKETING);
        }
        if (hasRole(Roles.SALES)) {
            return Optional.of(Team.SALES);
        }
        return Optional.empty();
    }
}
