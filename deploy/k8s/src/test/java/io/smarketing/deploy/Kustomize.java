package io.smarketing.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders a kustomization the way {@code kubectl apply -k} would, for the features deploy/k8s uses:
 * {@code resources} (files and kustomization directories), {@code patches} (strategic merge, by the
 * patch's own kind and name or by a target of kind, name and label selector), {@code namespace},
 * {@code replicas} and {@code images}. Any other field fails the render, so an overlay cannot use a
 * feature these tests would silently skip.
 */
final class Kustomize {

    private static final Set<String> SUPPORTED_FIELDS =
            Set.of("apiVersion", "kind", "resources", "patches", "namespace", "replicas", "images");
    private static final Set<String> CLUSTER_SCOPED_KINDS =
            Set.of("Namespace", "ClusterRole", "ClusterRoleBinding", "CustomResourceDefinition", "PriorityClass");
    /** API groups with a strategic merge strategy in kustomize; other groups are custom resources. */
    private static final Set<String> BUILT_IN_GROUPS =
            Set.of("", "apps", "batch", "policy", "autoscaling", "networking.k8s.io");

    private Kustomize() {
    }

    static List<Map<String, Object>> build(Path directory) {
        Path file = directory.resolve("kustomization.yaml");
        Map<String, Object> kustomization = YamlFiles.document(file);
        Set<String> unsupported = new HashSet<>(kustomization.keySet());
        unsupported.removeAll(SUPPORTED_FIELDS);
        if (!unsupported.isEmpty()) {
            throw new IllegalArgumentException(file + " uses " + unsupported + ", which the offline render "
                    + "does not reproduce (supported: " + SUPPORTED_FIELDS + ")");
        }
        if (!"Kustomization".equals(kustomization.get("kind"))) {
            throw new IllegalArgumentException(file + " is not a Kustomization");
        }

        List<Map<String, Object>> objects = new ArrayList<>();
        for (Object entry : listField(kustomization, "resources")) {
            Path resource = directory.resolve(String.valueOf(entry)).normalize();
            objects.addAll(Files.isDirectory(resource) ? build(resource) : YamlFiles.documents(resource));
        }
        requireUniqueIds(objects, file);
        for (Object patch : listField(kustomization, "patches")) {
            objects = applyPatch(objects, Tree.map(patch), directory);
        }
        if (kustomization.containsKey("namespace")) {
            String namespace = String.valueOf(kustomization.get("namespace"));
            objects.stream().filter(object -> !CLUSTER_SCOPED_KINDS.contains(Tree.kind(object)))
                    .forEach(object -> Tree.map(object.get("metadata")).put("namespace", namespace));
        }
        for (Object replicas : listField(kustomization, "replicas")) {
            setReplicas(objects, Tree.map(replicas));
        }
        for (Object image : listField(kustomization, "images")) {
            setImage(objects, Tree.map(image));
        }
        return objects;
    }

    static boolean isBuiltInKind(Map<String, Object> object) {
        String apiVersion = Tree.string(object, "apiVersion");
        return BUILT_IN_GROUPS.contains(apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "");
    }

    private static List<Map<String, Object>> applyPatch(List<Map<String, Object>> objects, Map<String, Object> entry,
            Path directory) {
        requireOnly(entry, Set.of("path", "target"), "patch");
        Map<String, Object> patch = YamlFiles.document(directory.resolve(String.valueOf(entry.get("path"))));
        Map<String, Object> target = entry.containsKey("target")
                ? Tree.map(entry.get("target"))
                : Map.of("kind", Tree.kind(patch), "name", Tree.name(patch));
        requireOnly(target, Set.of("kind", "name", "labelSelector"), "patch target");

        // With a target, the patch's own identity only says what it is; what it changes is the rest.
        Map<String, Object> changes = Tree.map(Tree.copy(patch));
        changes.remove("apiVersion");
        changes.remove("kind");
        Map<String, Object> metadata = Tree.map(changes.getOrDefault("metadata", Map.of()));
        metadata.remove("name");
        if (metadata.isEmpty()) {
            changes.remove("metadata");
        }

        List<Map<String, Object>> result = new ArrayList<>();
        int matched = 0;
        for (Map<String, Object> object : objects) {
            if (matches(object, target)) {
                matched++;
                result.add(StrategicMerge.apply(object, changes, isBuiltInKind(object)));
            } else {
                result.add(object);
            }
        }
        if (matched == 0) {
            throw new IllegalArgumentException("Patch " + entry.get("path") + " matches no resource");
        }
        return result;
    }

    private static boolean matches(Map<String, Object> object, Map<String, Object> target) {
        if (target.containsKey("kind") && !target.get("kind").equals(Tree.kind(object))) {
            return false;
        }
        if (target.containsKey("name") && !target.get("name").equals(Tree.name(object))) {
            return false;
        }
        if (target.containsKey("labelSelector")) {
            Map<String, Object> labels = Tree.mapAt(object, "metadata.labels");
            for (String requirement : String.valueOf(target.get("labelSelector")).split(",")) {
                String[] keyValue = requirement.trim().split("=", 2);
                if (keyValue.length != 2 || !keyValue[1].equals(labels.get(keyValue[0]))) {
                    return false;
                }
            }
        }
        return true;
    }

    private static void setReplicas(List<Map<String, Object>> objects, Map<String, Object> replicas) {
        requireOnly(replicas, Set.of("name", "count"), "replicas");
        List<Map<String, Object>> targets = objects.stream()
                .filter(object -> Set.of("Deployment", "StatefulSet").contains(Tree.kind(object)))
                .filter(object -> Tree.name(object).equals(replicas.get("name"))).toList();
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("replicas: no workload named " + replicas.get("name"));
        }
        targets.forEach(object -> Tree.map(object.get("spec")).put("replicas", replicas.get("count")));
    }

    /** kustomize's images transformer: same image name (without tag) -> new name and tag. */
    private static void setImage(List<Map<String, Object>> objects, Map<String, Object> image) {
        requireOnly(image, Set.of("name", "newName", "newTag"), "images");
        String name = String.valueOf(image.get("name"));
        int changed = 0;
        for (Map<String, Object> object : objects) {
            for (String path : List.of("spec.template.spec.containers", "spec.template.spec.initContainers",
                    "spec.jobTemplate.spec.template.spec.containers")) {
                for (Map<String, Object> container : Tree.mapsAt(object, path)) {
                    ImageReference current = ImageReference.parse(String.valueOf(container.get("image")));
                    if (current.name().equals(name)) {
                        String newName = String.valueOf(image.getOrDefault("newName", current.name()));
                        String newTag = image.containsKey("newTag") ? String.valueOf(image.get("newTag")) : current.tag();
                        container.put("image", newTag == null ? newName : newName + ":" + newTag);
                        changed++;
                    }
                }
            }
        }
        if (changed == 0) {
            throw new IllegalArgumentException("images: no container uses " + name);
        }
    }

    private static void requireUniqueIds(List<Map<String, Object>> objects, Path file) {
        Set<String> ids = new HashSet<>();
        for (Map<String, Object> object : objects) {
            String id = object.get("apiVersion") + "/" + Tree.kind(object) + "/"
                    + Tree.at(object, "metadata.namespace").orElse("") + "/" + Tree.name(object);
            if (!ids.add(id)) {
                throw new IllegalArgumentException(file + ": resource " + id + " is defined twice");
            }
        }
    }

    private static List<Object> listField(Map<String, Object> map, String field) {
        return map.containsKey(field) ? Tree.list(map.get(field)) : List.of();
    }

    private static void requireOnly(Map<String, Object> map, Set<String> allowed, String what) {
        if (!allowed.containsAll(map.keySet())) {
            throw new IllegalArgumentException(what + " uses fields " + map.keySet() + "; supported: " + allowed);
        }
    }

    /** An image reference split into name and tag ("registry:5000/a/b:1.0" -> "registry:5000/a/b", "1.0"). */
    record ImageReference(String name, String tag) {

        static ImageReference parse(String image) {
            int slash = image.lastIndexOf('/');
            int colon = image.lastIndexOf(':');
            return colon > slash ? new ImageReference(image.substring(0, colon), image.substring(colon + 1))
                    : new ImageReference(image, null);
        }

        /** The last path segment of the name: the repository, e.g. "goals-service". */
        String repository() {
            return name.substring(name.lastIndexOf('/') + 1);
        }
    }
}
