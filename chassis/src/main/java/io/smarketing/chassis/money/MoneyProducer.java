package io.smarketing.chassis.money;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.smarketing.events.Money;

/**
 * The platform currency ({@code smarketing.currency}) as every service's requests, domain and projections use
 * it; an unknown currency code stops the service at start-up. A plain property, not a
 * {@code @ConfigMapping(prefix = "smarketing")}: such a mapping would claim every {@code smarketing.*} key (the
 * outbox settings, the test key path) and reject the ones it lacks.
 */
public class MoneyProducer {

    @Produces
    @Singleton
    Money money(@ConfigProperty(name = "smarketing.currency") String currency) {
        return Money.of(currency);
    }
}
