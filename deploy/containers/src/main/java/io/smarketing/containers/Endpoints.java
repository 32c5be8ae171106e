package io.smarketing.containers;

import java.nio.file.Path;

/**
 * Where containers on the host's network find the platform's infrastructure, and where they listen.
 *
 * @param postgresPort PostgreSQL on 127.0.0.1, with one database and role per service
 * @param kafkaBootstrap the Kafka bootstrap servers
 * @param publicKey the public key the services verify tokens with
 * @param portOffset added to each service's own port, so a run never collides with ./smarketing up
 */
public record Endpoints(int postgresPort, String kafkaBootstrap, Path publicKey, int portOffset) {

    int port(ServiceContainer service) {
        return service.port() + portOffset;
    }

    String url(ServiceContainer service) {
        return "http://127.0.0.1:" + port(service);
    }
}
