package io.smarketing.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.smarketing.events.EventCatalog;
import io.smarketing.events.Topics;
import io.smarketing.platform.Platform;
import io.smarketing.platform.Service;

/**
 * What one service needs from a deployment, never read from the manifests: its name, port and database from the
 * platform description ({@link Platform}), its health and metrics paths, topics, consumer group and the
 * configuration keys it reads from its sources.
 */
final class ServiceCode {

    static final List<String> SERVICES = Platform.serviceNames();
    /** A channel's topic, or its comma-separated topics (SmallRye's {@code topics} attribute). */
    private static final Pattern INCOMING_TOPICS = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.topics?");
    private static final Pattern ARTIFACT_ID = Pattern.compile("</parent>.*?<artifactId>([^<]+)</artifactId>", Pattern.DOTALL);

    final String module;
    final Service service;
    /** Effective configuration without a profile: chassis defaults overridden by application.properties. */
    final Map<String, String> config;
    final ConfigKeys keys;

    private ServiceCode(String module, Map<String, String> config, ConfigKeys keys) {
        this.module = module;
        this.service = Platform.service(module).orElseThrow(() -> new IllegalArgumentException("No service " + module));
        this.config = config;
        this.keys = keys;
    }

    static ServiceCode of(String module) {
        Map<String, String> config = new LinkedHashMap<>();
        config.putAll(properties(Repo.path("chassis/src/main/resources/META-INF/microprofile-config.properties")));
        config.putAll(properties(Repo.path(module + "/src/main/resources/application.properties")));
        ConfigKeys keys = ConfigKeys.read(config.keySet(),
                List.of(Repo.path("chassis/src/main/java"), Repo.path(module + "/src/main/java")));
        return new ServiceCode(module, config, keys);
    }

    static List<ServiceCode> all() {
        return SERVICES.stream().map(ServiceCode::of).toList();
    }

    String applicationName() {
        return required("quarkus.application.name");
    }

    int httpPort() {
        return service.component().defaultPort();
    }

    /** The SmallRye Health endpoints: {@code /<non-application root>/<health root>/<kind>}. */
    String healthPath(String kind) {
        String root = nonApplicationRoot() + "/" + strip(config.getOrDefault("quarkus.smallrye-health.root-path", "health"));
        String subPath = config.getOrDefault("quarkus.smallrye-health." + kind + "-path", kind);
        return "/" + root + "/" + strip(subPath);
    }

    String metricsPath() {
        return "/" + nonApplicationRoot() + "/" + strip(config.getOrDefault("quarkus.micrometer.export.prometheus.path", "metrics"));
    }

    /** Health and metrics on a separate management port would need other probe ports. */
    boolean usesManagementInterface() {
        return Boolean.parseBoolean(config.getOrDefault("quarkus.management.enabled", "false"));
    }

    String databaseName() {
        return service.database();
    }

    /** What application.properties says without the launcher or a manifest: its own port. */
    int configuredHttpPort() {
        return Integer.parseInt(config.getOrDefault("quarkus.http.port", "8080"));
    }

    /** The database name of the JDBC URL in application.properties (jdbc:postgresql://host:port/NAME). */
    String configuredDatabaseName() {
        return databaseOf(required("quarkus.datasource.jdbc.url"));
    }

    String databaseUser() {
        return required("quarkus.datasource.username");
    }

    Set<String> consumedTopics() {
        if (config.keySet().stream().anyMatch(key -> key.matches("mp\\.messaging\\.incoming\\.[^.]+\\.pattern"))) {
            throw new IllegalStateException(module + " subscribes by pattern: teach ServiceCode which topics that means");
        }
        return config.entrySet().stream().filter(entry -> INCOMING_TOPICS.matcher(entry.getKey()).matches())
                .flatMap(entry -> Stream.of(entry.getValue().split(","))).map(String::strip)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The topics of the catalogue's event types that this service's main code instantiates. */
    Set<String> publishedTopics() {
        String sources = javaSources(Repo.path(module + "/src/main/java")).map(Repo::read).collect(Collectors.joining("\n"));
        return EventCatalog.ALL.stream()
                .filter(type -> Pattern.compile("new\\s+" + type.javaType().getSimpleName() + "\\s*\\(").matcher(sources).find())
                .map(type -> type.topic()).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The consumer group of every incoming channel (the connector default from chassis). */
    String consumerGroup() {
        return resolve(required("mp.messaging.connector.smallrye-kafka.group.id"));
    }

    /** The chassis' DeadLetters names it after quarkus.application.name. */
    /** Whether its projections can be rebuilt from its topics: it names its projection tables. */
    boolean rebuildable() {
        return config.containsKey("smarketing.rebuild.tables");
    }

    /** The prefix of its rebuilds' consumer groups (the profile rebuild of chassis: {@code <group>.rebuild.<run>}). */
    String rebuildGroupPrefix() {
        String group = properties(Repo.path("chassis/src/main/resources/META-INF/microprofile-config.properties"), "rebuild")
                .get("mp.messaging.connector.smallrye-kafka.group.id").replace("${quarkus.application.name}", applicationName());
        return group.substring(0, group.indexOf("${smarketing.rebuild.run}"));
    }

    String deadLetterTopic() {
        return Topics.deadLetter(applicationName());
    }

    String artifactId() {
        Matcher matcher = ARTIFACT_ID.matcher(Repo.read(Repo.path(module + "/pom.xml")));
        if (!matcher.find()) {
            throw new IllegalStateException("No artifactId in " + module + "/pom.xml");
        }
        return matcher.group(1);
    }

    static String databaseOf(String jdbcUrl) {
        String path = URI.create(jdbcUrl.substring("jdbc:".length())).getPath();
        return path.substring(1);
    }

    /** Expands ${key} references the way SmallRye Config does (one level is all our files use). */
    private String resolve(String value) {
        Matcher matcher = Pattern.compile("\\$\\{([^}:]+)}").matcher(value);
        StringBuilder resolved = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(resolved, Matcher.quoteReplacement(required(matcher.group(1))));
        }
        return matcher.appendTail(resolved).toString();
    }

    private String required(String key) {
        String value = config.get(key);
        if (value == null) {
            throw new IllegalStateException(module + " does not configure " + key);
        }
        return value;
    }

    private String nonApplicationRoot() {
        return strip(config.getOrDefault("quarkus.http.non-application-root-path", "q"));
    }

    private static String strip(String path) {
        return path.replaceAll("^/+|/+$", "");
    }

    /** The keys of a properties file that apply without a profile ("%test.x" keys do not). */
    static Map<String, String> properties(Path file) {
        return properties(file, "");
    }

    /** The keys of a properties file under a profile ({@code %<profile>.}, without it), or none ("") for those without. */
    static Map<String, String> properties(Path file, String profile) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String prefix = profile.isEmpty() ? "" : "%" + profile + ".";
        Map<String, String> keys = new LinkedHashMap<>();
        properties.stringPropertyNames().stream()
                .filter(key -> profile.isEmpty() ? !key.startsWith("%") : key.startsWith(prefix))
                .forEach(key -> keys.put(key.substring(prefix.length()), properties.getProperty(key)));
        return keys;
    }

    static Stream<Path> javaSources(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(file -> file.toString().endsWith(".java")).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return module;
    }
}
