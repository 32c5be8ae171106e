package io.smarketing.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import io.smarketing.platform.Platform;
import io.smarketing.platform.Service;

/**
 * Makes each service's manifest, {@code base/<service>.yaml}, from one template: {@code template/service.yaml}
 * with the service's name, port and database from the platform description ({@link Platform}), and its own
 * ConfigMap entries from {@code template/service-config.yaml}. The manifests stay committed as plain YAML, so that
 * {@code kubectl apply -k} needs nothing else; a test fails when one is not what this class makes of it.
 *
 * <p>Placeholders: {@code ${service}}, {@code ${port}}, {@code ${database}}, and {@code ${config}} alone on its line,
 * which becomes the service's entries at that line's indentation (or nothing).
 */
public final class ServiceManifests {

    public static final String TEMPLATE = "template/service.yaml";
    public static final String OWN_CONFIG = "template/service-config.yaml";
    static final String HEADER = "# Generated from deploy/k8s/" + TEMPLATE + " and " + OWN_CONFIG + ":\n"
            + "# change those and regenerate (deploy/k8s/README.md), not this file.\n";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([a-z]+)}");
    private static final Pattern CONFIG_LINE = Pattern.compile("(?m)^( *)\\$\\{config}\\n");

    private final String template;
    private final Map<String, String> ownConfig;

    ServiceManifests(String template, Map<String, String> ownConfig) {
        Set<String> unknown = new TreeSet<>(ownConfig.keySet());
        unknown.removeAll(Platform.serviceNames());
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(OWN_CONFIG + " configures " + unknown + ", which the platform does not have");
        }
        if (!CONFIG_LINE.matcher(template).find()) {
            throw new IllegalArgumentException(TEMPLATE + " has no line ${config} for the services' own entries");
        }
        this.template = template;
        this.ownConfig = Map.copyOf(ownConfig);
    }

    /** The template and the services' own entries of a deploy/k8s directory. */
    public static ServiceManifests of(Path k8s) {
        return new ServiceManifests(read(k8s.resolve(TEMPLATE)), parseOwnConfig(read(k8s.resolve(OWN_CONFIG))));
    }

    /** Where a service's manifest is committed. */
    public static Path file(Path k8s, Service service) {
        return k8s.resolve("base").resolve(service.name() + ".yaml");
    }

    /** Writes a service's manifest into {@code base/}. */
    public void write(Path k8s, Service service) {
        try {
            Files.writeString(file(k8s, service), render(service));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The manifest of one service. */
    public String render(Service service) {
        String config = ownConfig.getOrDefault(service.name(), "");
        Matcher configLine = CONFIG_LINE.matcher(template);
        String withConfig = configLine.replaceFirst(match -> Matcher.quoteReplacement(indent(config, match.group(1))));
        Map<String, String> values = Map.of(
                "service", service.name(),
                "port", String.valueOf(service.component().defaultPort()),
                "database", service.database());
        return HEADER + PLACEHOLDER.matcher(withConfig).replaceAll(match -> {
            String value = values.get(match.group(1));
            if (value == null) {
                throw new IllegalArgumentException(TEMPLATE + " uses " + match.group() + "; known: " + values.keySet() + " and ${config}");
            }
            return Matcher.quoteReplacement(value);
        });
    }

    /** service name -> its entries, as written (comments included): a YAML mapping of literal blocks. */
    static Map<String, String> parseOwnConfig(String yaml) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        Object document = new Yaml(new SafeConstructor(options)).load(yaml);
        Map<String, String> entries = new LinkedHashMap<>();
        if (document instanceof Map<?, ?> map) {
            map.forEach((service, block) -> entries.put(String.valueOf(service), String.valueOf(block)));
        } else if (document != null) {
            throw new IllegalArgumentException(OWN_CONFIG + " is not a mapping of service names to entries");
        }
        return entries;
    }

    private static String indent(String block, String indentation) {
        return block.lines().map(line -> line.isEmpty() ? "\n" : indentation + line + "\n").reduce("", String::concat);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
