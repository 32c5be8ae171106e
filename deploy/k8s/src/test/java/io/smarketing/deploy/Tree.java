package io.smarketing.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Navigation in parsed YAML (maps, lists, scalars) without casts at every step. */
final class Tree {

    private Tree() {
    }

    @SuppressWarnings("unchecked") // YAML mappings have string keys in every manifest we read
    static Map<String, Object> map(Object node) {
        if (!(node instanceof Map<?, ?>)) {
            throw new IllegalStateException("Not a mapping: " + node);
        }
        return (Map<String, Object>) node;
    }

    static List<Object> list(Object node) {
        if (!(node instanceof List<?>)) {
            throw new IllegalStateException("Not a list: " + node);
        }
        return new ArrayList<>((List<?>) node);
    }

    /** The node at a dotted path ("spec.template.spec"), if every step exists. */
    static Optional<Object> at(Map<String, Object> root, String path) {
        Object node = root;
        for (String step : path.split("\\.")) {
            if (!(node instanceof Map<?, ?> map) || !map.containsKey(step)) {
                return Optional.empty();
            }
            node = map.get(step);
        }
        return Optional.ofNullable(node);
    }

    static Map<String, Object> mapAt(Map<String, Object> root, String path) {
        return at(root, path).map(Tree::map).orElse(Map.of());
    }

    static List<Map<String, Object>> mapsAt(Map<String, Object> root, String path) {
        return at(root, path).map(Tree::list).orElse(List.of()).stream().map(Tree::map).toList();
    }

    static String string(Map<String, Object> root, String path) {
        return at(root, path).map(String::valueOf)
                .orElseThrow(() -> new IllegalStateException("No " + path + " in " + root));
    }

    static String kind(Map<String, Object> object) {
        return string(object, "kind");
    }

    static String name(Map<String, Object> object) {
        return string(object, "metadata.name");
    }

    /** A deep, mutable copy: the renderer changes its copies, never what it read. */
    static Object copy(Object node) {
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, value) -> copy.put(String.valueOf(key), copy(value)));
            return copy;
        }
        if (node instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(item -> copy.add(copy(item)));
            return copy;
        }
        return node;
    }
}
