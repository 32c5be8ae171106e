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
    private static final Pattern MAX_RAM_PERCENTAGE = Pattern.compile("-XX:MaxRAMPercentage=([0-9.]+)");

    static Dockerfile of(ServiceCode service) {
        String from = null;
        String user = null;
        String entrypoint = null;
        List<String> exposed = new ArrayList<>();
        List<String> copies = new ArrayList<>();
        Map<String, String> env = new LinkedHashMap<>();
        for (String line : Repo.read(Repo.path(service.module + "/src/main/docker/Dockerfile.jvm")).split("\n")) {
            String instruction = line.strip();
            if (instruction.startsWith("FROM ")) {
                from = instruction.substring(5).strip();
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
        Matcher matcher = MAX_RAM_PERCENTAGE.matcher(env.getOrDefault("JAVA_OPTS_APPEND", ""));
        if (!matcher.find()) {
            throw new AssertionError("No -XX:MaxRAMPercentage in JAVA_OPTS_APPEND");
        }
        return Double.parseDouble(matcher.group(1)) / 100;
    }
}
