package io.smarketing.deploy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** deploy/compose/compose.yaml, anchors and merge keys resolved as docker compose does. */
record Compose(Map<String, Object> file) {

    static Compose read() {
        return new Compose(YamlFiles.document(Repo.path("deploy/compose/compose.yaml")));
    }

    Map<String, Object> service(String name) {
        return Tree.map(Tree.mapAt(file, "services").get(name));
    }

    /** The environment of a service; compose allows a map or a list of NAME=value. */
    Map<String, String> environment(String name) {
        Object environment = service(name).get("environment");
        Map<String, String> variables = new LinkedHashMap<>();
        if (environment instanceof List<?> list) {
            list.forEach(entry -> {
                String[] pair = String.valueOf(entry).split("=", 2);
                variables.put(pair[0], pair.length > 1 ? pair[1] : "");
            });
        } else if (environment != null) {
            Tree.map(environment).forEach((key, value) -> variables.put(key, String.valueOf(value)));
        }
        return variables;
    }
}
