package io.smarketing.containers;

import io.smarketing.platform.Addresses;
import io.smarketing.platform.DatabaseCredentials;

/**
 * The real PostgreSQL and Kafka broker on the host that the containers use: started fresh by the launcher
 * ({@code ./smarketing images test}) as {@code ./smarketing up} starts them, with one database and role per
 * service, the topics and the dev signing keys, in the state folder its addresses name. Closing stops them.
 */
public interface HostInfrastructure extends AutoCloseable {

    /** Where the stage's platform answers: PostgreSQL, Kafka, and the ports the containers listen on. */
    Addresses addresses();

    /** Each service's database role and password. */
    DatabaseCredentials credentials();

    @Override
    void close();
}
