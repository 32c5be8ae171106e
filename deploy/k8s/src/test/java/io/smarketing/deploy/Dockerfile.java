package io.smarketing.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The instructions of a service's src/main/docker/Dockerfile.jvm that the deployment depends on. */
record Dockerfile(String from, List<String> exposed, String user, Map<String, String> env, List<String> copies,
        String entrypoint) {

    private static final Pattern ENV = Pattern.compile("ENV\\s+(\\w+)=(\"[^\"]*\"|'[^']*'|\\S+)");
    private static final Pattern ARG = Pattern.compile("ARG\\s+(\\w+)=(\\S+)");
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{(\\w+)}");
    private static final Pattern MAX_RAM_PERCENTAGE = Pattern.compile("-XX:MaxRAMPercentage=([0-9.]+)");

    static Dockerfile of(ServiceCode service) {
        String from = null;
        String user = null;
        String entrypoint = null;
        List<String> exposed = new ArrayList<>();
        List<String> copies = new ArrayList<>();
        Map<String, String> env = new LinkedHashMap<>();
        Map<String, String> args = new LinkedHashMap<>();
        for (String line : Repo.read(Repo.path(service.module + "/src/main/docker/Dockerfile.jvm")).split("\n")) {
            String instruction = line.strip();
            if (instruction.startsWith("ARG ")) {
                Matcher matcher = ARG.matcher(instruction);
                if (matcher.find()) {
                    args.put(matcher.group(1), matcher.group(2));
                }
            } else if (instruction.startsWith("FROM ")) {
                // the image built when no --build-arg says otherwise
                from = REFERENCE.matcher(instruction.substring(5).strip())
                        .replaceAll(reference -> Matcher.quoteReplacement(args.getOrDefault(reference.group(1), "")));
            } else if (instruction.startsWith("EXPOSE ")) {
                exposed.addAll(List.of(instruction.substring(7).strip().split("\\s+")));
            } else if (instruction.startsWith("USER ")) {
                user = instruction.substring(5).strip();
            } else if (instruction.startsWith("COPY ")) {
                copies.add(instruction.substring(5).strip());
            } else if (instruction.startsWith("ENTRYPOINT ")) {
                entrypoint = instruction.substring(11).strip();
            } else if (instruction.startsWith("ENV ")) {
                Matcher matcher = ENV.matcher(instruction);
                while (matcher.find()) {
                    env.put(matcher.group(1), matcher.group(2).replaceAll("^[\"']|[\"']$", ""));
                }
            }
        }
        return new Dockerfile(from, exposed, user, env, copies, entrypoint);
    }

    /** The share of the container's memory limit the heap may take, from -XX:MaxRAMPercentage. */
    double heapShareOfLimit() {
        Matcher matcher = MAX_RAM_PERCENTAGE.matcher(jvmOptions());
        if (!matcher.find()) {
            throw new AssertionError("No -XX:MaxRAMPercentage in JDK_JAVA_OPTIONS");
        }
        return Double.parseDouble(matcher.group(1)) / 100;
    }

    /** The options the java launcher reads from the environment, whatever the base image. */
    String jvmOptions() {
        return env.getOrDefault("JDK_JAVA_OPTIONS", "");
    }
}
