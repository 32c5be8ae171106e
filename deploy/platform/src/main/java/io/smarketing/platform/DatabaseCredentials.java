package io.smarketing.platform;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Properties;

/**
 * The PostgreSQL roles and passwords of one platform, in {@link StateFolder#databaseCredentials()}, readable by its
 * owner only. The local PostgreSQL gets random passwords, made once per state folder: its superuser and each
 * service's role. An existing PostgreSQL ({@code SMARKETING_PG_HOST}) is reached with
 * {@code SMARKETING_PG_USER} / {@code SMARKETING_PG_PASSWORD} (default: the database name).
 */
public final class DatabaseCredentials {

    public static final String SUPERUSER = "postgres";
    public static final String PG_USER = "SMARKETING_PG_USER";
    public static final String PG_PASSWORD = "SMARKETING_PG_PASSWORD";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Properties properties;

    private DatabaseCredentials(Properties properties) {
        this.properties = properties;
    }

    /** The local PostgreSQL's: what the state folder has, and new random passwords for what it lacks. */
    public static DatabaseCredentials local(StateFolder state) {
        Properties properties = Files.exists(state.databaseCredentials()) ? load(state.databaseCredentials()) : new Properties();
        boolean changed = false;
        if (properties.getProperty(SUPERUSER + ".password") == null) {
            properties.setProperty(SUPERUSER + ".user", SUPERUSER);
            properties.setProperty(SUPERUSER + ".password", randomPassword());
            changed = true;
        }
        for (Service service : Platform.SERVICES) {
            if (properties.getProperty(service.database() + ".password") == null) {
                properties.setProperty(service.database() + ".user", service.database());
                properties.setProperty(service.database() + ".password", randomPassword());
                changed = true;
            }
        }
        if (changed) {
            store(state.databaseCredentials(), properties);
        }
        return new DatabaseCredentials(properties);
    }

    /** An existing PostgreSQL's, from the environment; kept in the state folder for the tools and tests. */
    public static DatabaseCredentials external(StateFolder state, Map<String, String> environment) {
        Properties properties = new Properties();
        for (Service service : Platform.SERVICES) {
            properties.setProperty(service.database() + ".user", environment.getOrDefault(PG_USER, service.database()));
            properties.setProperty(service.database() + ".password",
                    environment.getOrDefault(PG_PASSWORD, service.database()));
        }
        store(state.databaseCredentials(), properties);
        return new DatabaseCredentials(properties);
    }

    /** What {@code up} left in a state folder. */
    public static DatabaseCredentials read(StateFolder state) {
        return new DatabaseCredentials(load(state.databaseCredentials()));
    }

    /** The role a service's database is used with. */
    public String user(String database) {
        return required(database + ".user");
    }

    public String password(String database) {
        return required(database + ".password");
    }

    /** The local PostgreSQL's superuser password (none for an existing PostgreSQL). */
    public String superuserPassword() {
        return required(SUPERUSER + ".password");
    }

    private String required(String key) {
        String value = properties.getProperty(key);
        if (value == null) {
            throw new IllegalStateException("No " + key + " in the database credentials");
        }
        return value;
    }

    /** 24 random bytes, URL-safe Base64: nothing a connection string or SQL literal would need to escape. */
    static String randomPassword() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static Properties load(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the database credentials " + file, e);
        }
        return properties;
    }

    /** Owner-only before a byte is written, then moved into place. */
    private static void store(Path file, Properties properties) {
        try {
            Files.createDirectories(file.getParent());
            Path temporary = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            try {
                try {
                    Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException e) {
                    // not a POSIX file system (Windows): the state folder is the user's own
                }
                try (Writer writer = Files.newBufferedWriter(temporary)) {
                    properties.store(writer, "PostgreSQL roles and passwords of this platform; keep it private");
                }
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the database credentials " + file, e);
        }
    }
}
