package io.smarketing.containers;

import java.nio.file.Path;

import io.smarketing.platform.Addresses;
import io.smarketing.platform.DatabaseCredentials;

/**
 * Where containers on the host's network find the platform's infrastructure, and where they listen: the stage's
 * {@link Addresses} (its own ports, apart from {@code ./smarketing up} and the test platform) and database roles.
 */
public record Endpoints(Addresses addresses, DatabaseCredentials credentials) {

    int port(ServiceContainer service) {
        return addresses.port(service.service());
    }

    String url(ServiceContainer service) {
        return addresses.url(service.service());
    }

    String kafkaBootstrap() {
        return addresses.kafkaBootstrap();
    }

    /** The public key the services verify tokens with. */
    Path publicKey() {
        return addresses.state().publicKey();
    }
}
