package io.smarketing.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Kustomize's strategic merge patch, for what the overlays patch. Maps merge key by key (null deletes).
 * Lists of built-in kinds merge by the patchMergeKey the Kubernetes API declares for them (containers by
 * name, env by name, ...); a list this class does not know fails loudly instead of being merged wrongly.
 * Custom resources have no patch strategy in kustomize: their lists are replaced (JSON merge patch).
 */
final class StrategicMerge {

    /** Paths (a list item is "[]") of the lists a patch may touch, and their merge keys. */
    private static final Map<Pattern, String> MERGE_KEYS = Map.of(
            Pattern.compile("(.*\\.)?(containers|initContainers)"), "name",
            Pattern.compile(".*ontainers\\[\\]\\.env"), "name",
            Pattern.compile(".*ontainers\\[\\]\\.volumeMounts"), "mountPath",
            Pattern.compile(".*ontainers\\[\\]\\.ports"), "containerPort",
            Pattern.compile("spec\\.template\\.spec\\.volumes"), "name",
            Pattern.compile("spec\\.ports"), "port");

    private StrategicMerge() {
    }

    static Map<String, Object> apply(Map<String, Object> target, Map<String, Object> patch, boolean builtInKind) {
        return mergeMaps(target, patch, "", builtInKind);
    }

    private static Map<String, Object> mergeMaps(Map<String, Object> target, Map<String, Object> patch, String path,
            boolean builtInKind) {
        Map<String, Object> merged = new LinkedHashMap<>(Tree.map(Tree.copy(target)));
        patch.forEach((key, value) -> {
            if (key.startsWith("$")) {
                throw new IllegalArgumentException("Patch directive " + key + " at " + path + " is not supported");
            }
            String childPath = path.isEmpty() ? key : path + "." + key;
            Object current = merged.get(key);
            if (value == null) {
                merged.remove(key);
            } else if (value instanceof Map<?, ?> && current instanceof Map<?, ?>) {
                merged.put(key, mergeMaps(Tree.map(current), Tree.map(value), childPath, builtInKind));
            } else if (value instanceof List<?> && current instanceof List<?> && builtInKind) {
                merged.put(key, mergeList(Tree.list(current), Tree.list(value), childPath));
            } else {
                merged.put(key, Tree.copy(value));
            }
        });
        return merged;
    }

    private static List<Object> mergeList(List<Object> target, List<Object> patch, String path) {
        String mergeKey = mergeKey(path).orElseThrow(() -> new IllegalArgumentException(
                "No merge strategy known for the list at " + path + ": teach StrategicMerge its patchMergeKey"));
        List<Object> merged = new ArrayList<>();
        target.forEach(item -> merged.add(Tree.copy(item)));
        for (Object patchItem : patch) {
            Map<String, Object> item = Tree.map(patchItem);
            Object key = Objects.requireNonNull(item.get(mergeKey), () -> path + " item without " + mergeKey);
            int index = indexOf(merged, mergeKey, key);
            if (index < 0) {
                merged.add(Tree.copy(item));
            } else {
                merged.set(index, mergeMaps(Tree.map(merged.get(index)), item, path + "[]", true));
            }
        }
        return merged;
    }

    private static int indexOf(List<Object> items, String mergeKey, Object key) {
        for (int i = 0; i < items.size(); i++) {
            if (key.equals(Tree.map(items.get(i)).get(mergeKey))) {
                return i;
            }
        }
        return -1;
    }

    private static Optional<String> mergeKey(String path) {
        return MERGE_KEYS.entrySet().stream().filter(entry -> entry.getKey().matcher(path).matches())
                .map(Map.Entry::getValue).findFirst();
    }
}
