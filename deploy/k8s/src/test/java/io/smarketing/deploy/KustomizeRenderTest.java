package io.smarketing.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The offline render must do what kustomize does, or the other tests check the wrong manifests. */
class KustomizeRenderTest {

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
              labels: {tier: front}
            spec:
              replicas: 3
              template:
                spec:
                  containers:
                    - name: app
                      image: example/web:1.0
                      env:
                        - {name: A, value: "1"}
                        - {name: B, value: "2"}
                      volumeMounts:
                        - {name: tmp, mountPath: /tmp}
                  volumes:
                    - name: tmp
                      emptyDir: {}
            """;
    private static final String TOPIC = """
            apiVersion: kafka.strimzi.io/v1
            kind: KafkaTopic
            metadata: {name: t, labels: {strimzi.io/cluster: c}}
            spec:
              partitions: 3
              config: {retention.ms: 1000, cleanup.policy: delete}
            """;

    @TempDir
    Path dir;

    @BeforeEach
    void base() throws IOException {
        Files.createDirectories(dir.resolve("base"));
        write("base/deployment.yaml", DEPLOYMENT);
        write("base/topic.yaml", TOPIC);
        write("base/kustomization.yaml", """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources: [deployment.yaml, topic.yaml]
                """);
        Files.createDirectories(dir.resolve("overlay"));
    }

    @Test
    void aStrategicMergePatchMergesContainersByNameAndEnvAndVolumesByTheirKeys() throws IOException {
        overlay("patches: [{path: patch.yaml}]", "patch.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web}
                spec:
                  template:
                    spec:
                      containers:
                        - name: app
                          env:
                            - {name: B, value: "20"}
                            - {name: C, value: "3"}
                          volumeMounts:
                            - {name: keys, mountPath: /keys}
                      volumes:
                        - name: keys
                          secret: {secretName: keys}
                """);
        Map<String, Object> container = container(render());

        assertEquals("example/web:1.0", container.get("image"), "fields the patch does not name stay");
        assertEquals(List.of(Map.of("name", "A", "value", "1"), Map.of("name", "B", "value", "20"), Map.of("name", "C", "value", "3")),
                container.get("env"));
        assertEquals(2, Tree.list(container.get("volumeMounts")).size());
    }

    @Test
    void aPatchWithATargetChangesEveryMatchingResourceButNoOther() throws IOException {
        overlay("patches: [{path: patch.yaml, target: {kind: Deployment, labelSelector: tier=front}}]", "patch.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: whatever}
                spec: {revisionHistoryLimit: 1}
                """);
        List<Map<String, Object>> rendered = render();

        assertEquals(1, Tree.at(rendered.get(0), "spec.revisionHistoryLimit").orElseThrow());
        assertEquals("web", Tree.name(rendered.get(0)), "the patch's own name does not rename the target");
        assertTrue(Tree.at(rendered.get(1), "spec.revisionHistoryLimit").isEmpty());
    }

    @Test
    void customResourcesMergeMapsAndReplaceLists() throws IOException {
        overlay("patches: [{path: patch.yaml, target: {kind: KafkaTopic}}]", "patch.yaml", """
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaTopic
                metadata: {name: any}
                spec:
                  config: {retention.ms: -1}
                """);
        Map<String, Object> topic = render().get(1);

        assertEquals(Map.of("retention.ms", -1, "cleanup.policy", "delete"), Tree.mapAt(topic, "spec.config"));
        assertEquals(3, Tree.at(topic, "spec.partitions").orElseThrow());
    }

    @Test
    void aListWithoutAKnownMergeKeyFailsInsteadOfBeingMergedWrongly() throws IOException {
        overlay("patches: [{path: patch.yaml}]", "patch.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web}
                spec:
                  template:
                    spec:
                      tolerations: [{key: a, operator: Exists}]
                """);
        write("base/deployment.yaml", DEPLOYMENT.replace("      volumes:", "      tolerations: [{key: b, operator: Exists}]\n      volumes:"));

        assertThrows(IllegalArgumentException.class, this::render);
    }

    @Test
    void namespaceReplicasAndImagesApplyToTheRenderedResources() throws IOException {
        overlay("""
                namespace: staging
                replicas: [{name: web, count: 5}]
                images: [{name: example/web, newName: registry.test/web, newTag: "2.0"}]
                """, null, null);
        List<Map<String, Object>> rendered = render();

        assertEquals("staging", Tree.string(rendered.get(0), "metadata.namespace"));
        assertEquals("staging", Tree.string(rendered.get(1), "metadata.namespace"));
        assertEquals(5, Tree.at(rendered.get(0), "spec.replicas").orElseThrow());
        assertEquals("registry.test/web:2.0", container(rendered).get("image"));
    }

    @Test
    void aKustomizeFeatureTheRenderDoesNotReproduceFails() throws IOException {
        overlay("commonLabels: {team: a}", null, null);

        assertThrows(IllegalArgumentException.class, this::render);
    }

    @Test
    void aPatchOrReplicaThatMatchesNothingFails() throws IOException {
        overlay("replicas: [{name: missing, count: 1}]", null, null);
        assertThrows(IllegalArgumentException.class, this::render);

        overlay("patches: [{path: patch.yaml}]", "patch.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: missing}\n");
        assertThrows(IllegalArgumentException.class, this::render);
    }

    @Test
    void theSameResourceTwiceFails() throws IOException {
        write("base/kustomization.yaml", """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources: [deployment.yaml, deployment.yaml]
                """);
        overlay("", null, null);

        assertThrows(IllegalArgumentException.class, this::render);
    }

    private List<Map<String, Object>> render() {
        return Kustomize.build(dir.resolve("overlay"));
    }

    private static Map<String, Object> container(List<Map<String, Object>> rendered) {
        return Tree.mapsAt(rendered.get(0), "spec.template.spec.containers").get(0);
    }

    private void overlay(String fields, String patchFile, String patch) throws IOException {
        write("overlay/kustomization.yaml", """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources: [../base]
                """ + fields + "\n");
        if (patchFile != null) {
            write("overlay/" + patchFile, patch);
        }
    }

    private void write(String file, String content) throws IOException {
        Files.writeString(dir.resolve(file), content);
    }
}
