package io.smarketing.chassis.security;

import java.util.Optional;

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
