package io.smarketing.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The configuration keys a service reads, and the environment variable that reaches each (SmallRye
 * Config: every character other than a letter or digit becomes '_', upper case; a quoted segment gets
 * double underscores). Keys come from the service's and chassis' properties files, from
 * {@code @ConfigProperty(name = ...)}, from {@code ${key}} expressions in annotations, from the
 * {@code @ConfigMapping} interfaces (each method a kebab-case key, nested interfaces as groups), and from
 * a short list of keys the Quarkus extensions read. {@code KAFKA_*} variables reach every Kafka client of
 * the service (Quarkus' default Kafka configuration, which the outbox relay copies): they must name a
 * Kafka client property.
 */
final class ConfigKeys {

    /** Read by the Quarkus extensions the chassis uses, with no mention in our sources. */
    static final Set<String> EXTENSION_KEYS = Set.of(
            "quarkus.datasource.jdbc.url", "quarkus.datasource.username", "quarkus.datasource.password",
            "quarkus.datasource.jdbc.max-size", "quarkus.shutdown.timeout", "quarkus.log.level",
            "mp.jwt.verify.publickey.location", "mp.jwt.verify.issuer", "quarkus.http.cors.enabled",
            "quarkus.http.cors.origins", "quarkus.profile");
    private static final Pattern LOG_CATEGORY_LEVEL = Pattern.compile("QUARKUS_LOG_CATEGORY__([A-Z0-9_]+)__LEVEL");
    private static final Pattern CONFIG_PROPERTY = Pattern.compile("(?<!\\{)@ConfigProperty\\(\\s*name\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern EXPRESSION = Pattern.compile("\"[^\"]*\\$\\{([a-zA-Z0-9.\\-]+)(:[^}]*)?}[^\"]*\"");
    private static final Pattern CONFIG_MAPPING = Pattern.compile("(?m)^\\s*@ConfigMapping\\(\\s*prefix\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern INTERFACE = Pattern.compile("\\binterface\\s+(\\w+)[^{]*\\{");
    private static final Pattern MAPPING_METHOD = Pattern.compile(
            "((?:@\\w+(?:\\([^)]*\\))?\\s*)*)(?<![\\w.])([\\w.<>, ?]+?)\\s+(\\w+)\\(\\)\\s*;");
    private static final Pattern WITH_NAME = Pattern.compile("@WithName\\(\\s*\"([^\"]+)\"\\s*\\)");

    private final Set<String> keys;

    private ConfigKeys(Set<String> keys) {
        this.keys = keys;
    }

    static ConfigKeys read(Collection<String> propertyKeys, List<Path> sourceRoots) {
        Set<String> keys = new TreeSet<>(propertyKeys);
        keys.addAll(EXTENSION_KEYS);
        for (Path root : sourceRoots) {
            ServiceCode.javaSources(root).map(Repo::read).forEach(source -> {
                keys.addAll(matches(CONFIG_PROPERTY, source));
                keys.addAll(matches(EXPRESSION, source));
                Matcher mapping = CONFIG_MAPPING.matcher(source);
                if (mapping.find()) {
                    keys.addAll(mappingKeys(mapping.group(1), source));
                }
            });
        }
        return new ConfigKeys(keys);
    }

    Set<String> all() {
        return keys;
    }

    static String environmentName(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    /** The configuration key an environment variable sets, if the service reads it. */
    Optional<String> keyOf(String variable) {
        Optional<String> key = keys.stream().filter(candidate -> environmentName(candidate).equals(variable)).findFirst();
        if (key.isPresent()) {
            return key;
        }
        Matcher category = LOG_CATEGORY_LEVEL.matcher(variable);
        if (category.matches()) {
            return Optional.of("quarkus.log.category.\"" + category.group(1).toLowerCase(Locale.ROOT).replace('_', '.') + "\".level");
        }
        if (variable.startsWith("KAFKA_")) {
            String property = variable.substring("KAFKA_".length()).toLowerCase(Locale.ROOT).replace('_', '.');
            if (ConsumerConfig.configNames().contains(property) || ProducerConfig.configNames().contains(property)) {
                return Optional.of("kafka." + property);
            }
        }
        return Optional.empty();
    }

    /** The keys of a @ConfigMapping interface, its nested group interfaces included. */
    private static Set<String> mappingKeys(String prefix, String source) {
        List<InterfaceBody> interfaces = interfaces(source);
        Set<String> keys = new HashSet<>();
        collect(prefix, interfaces.get(0), interfaces, keys);
        return keys;
    }

    private static void collect(String prefix, InterfaceBody body, List<InterfaceBody> all, Set<String> keys) {
        Matcher method = MAPPING_METHOD.matcher(body.ownText());
        while (method.find()) {
            String type = method.group(2).trim();
            if (type.startsWith("default") || type.startsWith("static")) {
                continue;
            }
            Matcher withName = WITH_NAME.matcher(method.group(1));
            String key = prefix + "." + (withName.find() ? withName.group(1) : kebab(method.group(3)));
            Optional<InterfaceBody> group = all.stream().filter(candidate -> candidate.name().equals(type)).findFirst();
            if (group.isPresent()) {
                collect(key, group.get(), all, keys);
            } else {
                keys.add(key);
            }
        }
    }

    /** Every interface of a source file, in order, with the text of its body. */
    private static List<InterfaceBody> interfaces(String source) {
        List<InterfaceBody> bodies = new ArrayList<>();
        Matcher declaration = INTERFACE.matcher(source);
        while (declaration.find()) {
            int open = declaration.end() - 1;
            bodies.add(new InterfaceBody(declaration.group(1), source.substring(open + 1, closingBrace(source, open))));
        }
        return bodies;
    }

    private static int closingBrace(String source, int open) {
        int depth = 0;
        for (int i = open; i < source.length(); i++) {
            if (source.charAt(i) == '{') {
                depth++;
            } else if (source.charAt(i) == '}' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalStateException("Unbalanced braces");
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    private static Set<String> matches(Pattern pattern, String source) {
        Set<String> found = new HashSet<>();
        Matcher matcher = pattern.matcher(source);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    /** An interface's body; {@link #ownText} leaves out bodies of nested types and default methods. */
    private record InterfaceBody(String name, String text) {

        String ownText() {
            StringBuilder own = new StringBuilder();
            int depth = 0;
            for (char c : text.toCharArray()) {
                if (c == '{') {
                    depth++;
                } else if (c == '}') {
                    depth--;
                    own.append(';');
                } else if (depth == 0) {
                    own.append(c);
                }
            }
            return own.toString();
        }
    }
}
