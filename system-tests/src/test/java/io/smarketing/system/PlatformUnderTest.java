package io.smarketing.system;

import java.nio.file.Path;

import org.junit.jupiter.api.extension.Extension;

import io.smarketing.platform.Addresses;
import io.smarketing.platform.DatabaseCredentials;
import io.smarketing.platform.StateFolder;

/**
 * The platform the system tests drive, found by its state folder ({@code smarketing.home}), where
 * {@code ./smarketing up} wrote its addresses, keys and database passwords. Registered for every test through
 * META-INF/services (quarkus-junit turns JUnit's extension autodetection on): before the first test it tells the
 * shared helpers of {@code testing/} the Kafka bootstrap servers and the signing key, unless the command line did.
 */
public final class PlatformUnderTest implements Extension {

    static final StateFolder STATE = new StateFolder(Path.of(System.getProperty("smarketing.home", ".smarketing")));
    static final Addresses ADDRESSES = Addresses.read(STATE.root());

    static {
        setUnlessGiven("kafka.bootstrap.servers", ADDRESSES.kafkaBootstrap());
        setUnlessGiven("smarketing.test.jwt.private-key", STATE.privateKey().toString());
    }

    /** The roles and passwords of its databases. */
    static DatabaseCredentials databaseCredentials() {
        return DatabaseCredentials.read(STATE);
    }

    private static void setUnlessGiven(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }
}
