package io.smarketing.deploy;

import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.strimzi.api.kafka.model.kafka.KafkaSpec;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePoolSpec;
import io.strimzi.api.kafka.model.topic.KafkaTopicSpec;
import io.strimzi.api.kafka.model.user.KafkaUserSpec;

/**
 * Validates manifests against the APIs they claim, strictly: a field the API does not have, a value of the
 * wrong type (a number where a string belongs, or the reverse: the API server refuses both), a deprecated
 * field, or a kind the API version does not serve is a problem.
 * <ul>
 * <li>Kubernetes kinds: the fabric8 8.0.0 models (the Kubernetes OpenAPI schema, generated).</li>
 * <li>Strimzi {@code kafka.strimzi.io/v1}: Strimzi's own API model, from which its CRD schemas are generated.
 * io.strimzi:api 0.49.0 is the newest on Maven Central (1.0's is not); it serves v1 beside v1beta2, and the
 * fields v1 dropped are the ones it marks deprecated, which count as problems here.</li>
 * <li>CloudNativePG: {@code cnpg-v1-subset.schema.json}, the fields we use copied from its CRDs (no
 * schema or model of CloudNativePG is published on Maven Central).</li>
 * </ul>
 */
final class KubernetesSchemas {

    private static final KubernetesSerialization KUBERNETES = new KubernetesSerialization();
    /** Strimzi's model speaks Jackson 2; the fabric8 8 types inside it (Quantity) need their string form. */
    private static final ObjectMapper JACKSON2 = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .registerModule(new SimpleModule().addSerializer(Quantity.class, ToStringSerializer.instance));
    private static final Map<String, Class<?>> STRIMZI_SPECS = Map.of(
            "Kafka", KafkaSpec.class, "KafkaNodePool", KafkaNodePoolSpec.class,
            "KafkaTopic", KafkaTopicSpec.class, "KafkaUser", KafkaUserSpec.class);
    private static final String STRIMZI_API = "kafka.strimzi.io/v1";
    private static final String CNPG_GROUP = "postgresql.cnpg.io/";
    private static final JsonSchema CNPG = cnpgSchema();
    /** RFC 1123 subdomain: what metadata.name must be for most kinds (topic names with dots included). */
    private static final Pattern DNS_SUBDOMAIN = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final Pattern LABEL_VALUE = Pattern.compile("(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?");

    private KubernetesSchemas() {
    }

    /** Everything wrong with one object; empty when it is valid. */
    static List<String> problems(Map<String, Object> object) {
        List<String> problems = new ArrayList<>();
        String apiVersion = String.valueOf(object.get("apiVersion"));
        String where = apiVersion + " " + object.get("kind") + " " + Tree.at(object, "metadata.name").orElse("?");
        try {
            if (apiVersion.startsWith("kafka.strimzi.io/")) {
                strimzi(object, apiVersion, problems);
            } else if (apiVersion.startsWith(CNPG_GROUP)) {
                CNPG.validate(JACKSON2.valueToTree(object)).stream().map(ValidationMessage::getMessage).forEach(problems::add);
            } else {
                kubernetes(object, problems);
            }
            metadata(object, problems);
        } catch (RuntimeException e) {
            problems.add(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        return problems.stream().map(problem -> where + ": " + problem).toList();
    }

    private static void kubernetes(Map<String, Object> object, List<String> problems) {
        JsonNode input = JACKSON2.valueToTree(object);
        KubernetesResource resource = KUBERNETES.unmarshal(input.toString(), KubernetesResource.class);
        if (resource instanceof GenericKubernetesResource) {
            problems.add("not a kind that Kubernetes serves at this apiVersion");
            return;
        }
        inspect(resource, "", problems);
        sameValues(input, readTree(KUBERNETES.asJson(resource)), "", problems);
    }

    private static void strimzi(Map<String, Object> object, String apiVersion, List<String> problems) {
        if (!STRIMZI_API.equals(apiVersion)) {
            problems.add("Strimzi 1.0 serves only " + STRIMZI_API);
        }
        Class<?> specType = STRIMZI_SPECS.get(Tree.kind(object));
        if (specType == null) {
            problems.add("kind not covered by these checks");
            return;
        }
        if (!Set.of("apiVersion", "kind", "metadata", "spec").containsAll(object.keySet())) {
            problems.add("unknown top-level fields " + object.keySet());
        }
        if (!Tree.mapAt(object, "metadata.labels").containsKey("strimzi.io/cluster") && !"Kafka".equals(Tree.kind(object))) {
            problems.add("no strimzi.io/cluster label: no operator would reconcile it");
        }
        JsonNode input = JACKSON2.valueToTree(object.get("spec"));
        Object spec = JACKSON2.convertValue(input, specType);
        inspect(spec, ".spec", problems);
        sameValues(input, JACKSON2.valueToTree(spec), ".spec", problems);
    }

    private static void metadata(Map<String, Object> object, List<String> problems) {
        ObjectMeta metadata = KUBERNETES.convertValue(object.get("metadata"), ObjectMeta.class);
        inspect(metadata, ".metadata", problems);
        if (metadata.getName() == null || metadata.getName().length() > 253 || !DNS_SUBDOMAIN.matcher(metadata.getName()).matches()) {
            problems.add("metadata.name is not a DNS subdomain: " + metadata.getName());
        }
        if (metadata.getLabels() != null) {
            metadata.getLabels().forEach((key, value) -> {
                if (value.length() > 63 || !LABEL_VALUE.matcher(value).matches()) {
                    problems.add("label " + key + " has an invalid value: " + value);
                }
            });
        }
    }

    /**
     * Walks a deserialized model: any field the model did not recognise ends in additionalProperties, and a
     * deprecated field in use is a problem too.
     */
    private static void inspect(Object node, String path, List<String> problems) {
        if (node == null) {
            return;
        }
        if (node instanceof Collection<?> items) {
            int index = 0;
            for (Object item : items) {
                inspect(item, path + "[" + index++ + "]", problems);
            }
            return;
        }
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> inspect(value, path + "." + key, problems));
            return;
        }
        if (node instanceof Quantity quantity) {
            try {
                Quantity.getAmountInBytes(quantity);
            } catch (RuntimeException e) {
                problems.add("not a quantity at " + path + ": " + quantity);
            }
            return;
        }
        if (!isModel(node.getClass())) {
            return;
        }
        for (Method getter : node.getClass().getMethods()) {
            if (!isPropertyGetter(getter)) {
                continue;
            }
            Object value = invoke(getter, node);
            if (getter.getName().equals("getAdditionalProperties")) {
                Map<?, ?> unknown = (Map<?, ?>) value;
                if (unknown != null && !unknown.isEmpty()) {
                    problems.add("unknown field(s) " + unknown.keySet() + " at " + (path.isEmpty() ? "the top" : path));
                }
            } else if (getter.isAnnotationPresent(Deprecated.class) && isSet(value)) {
                problems.add("deprecated field " + path + "." + propertyName(getter));
            } else {
                inspect(value, path + "." + propertyName(getter), problems);
            }
        }
    }

    /**
     * What the model read must serialize back to what was written: a value it coerced ("2" into 2, 2 into
     * "2") or dropped (an enum constant it does not know) differs. Defaults it adds are fine.
     */
    private static void sameValues(JsonNode written, JsonNode read, String path, List<String> problems) {
        if (written.isObject()) {
            written.properties().forEach(field -> {
                JsonNode counterpart = read.get(field.getKey());
                String fieldPath = path + "." + field.getKey();
                if (counterpart == null || counterpart.isNull()) {
                    if (!field.getValue().isEmpty() && !field.getValue().isNull()) {
                        problems.add("not accepted by the model at " + fieldPath + ": " + field.getValue());
                    }
                } else {
                    sameValues(field.getValue(), counterpart, fieldPath, problems);
                }
            });
        } else if (written.isArray()) {
            if (!read.isArray() || read.size() != written.size()) {
                problems.add("not accepted by the model at " + path + ": " + written);
                return;
            }
            for (int i = 0; i < written.size(); i++) {
                sameValues(written.get(i), read.get(i), path + "[" + i + "]", problems);
            }
        } else if (written.getNodeType() != read.getNodeType() || !written.asText().equals(read.asText())) {
            problems.add("wrong type or value at " + path + ": wrote " + written + ", the API reads " + read);
        }
    }

    private static JsonNode readTree(String json) {
        try {
            return JACKSON2.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isModel(Class<?> type) {
        String name = type.getName();
        return name.startsWith("io.fabric8.kubernetes.api.model.") || name.startsWith("io.strimzi.api.");
    }

    /** Bean getters of the model; fabric8 hides getAdditionalProperties from Jackson, not from us. */
    private static boolean isPropertyGetter(Method method) {
        return method.getParameterCount() == 0 && !Modifier.isStatic(method.getModifiers())
                && method.getName().startsWith("get") && !method.getName().equals("getClass")
                && (method.getName().equals("getAdditionalProperties") || !method.isAnnotationPresent(JsonIgnore.class))
                && isModel(method.getDeclaringClass());
    }

    private static boolean isSet(Object value) {
        return value != null && !Boolean.FALSE.equals(value) && !(value instanceof Collection<?> c && c.isEmpty())
                && !(value instanceof Map<?, ?> m && m.isEmpty());
    }

    private static String propertyName(Method getter) {
        String name = getter.getName().substring(3);
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    private static Object invoke(Method getter, Object target) {
        try {
            return getter.invoke(target);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Cannot read " + getter, e);
        }
    }

    private static JsonSchema cnpgSchema() {
        try (InputStream schema = KubernetesSchemas.class.getResourceAsStream("/cnpg-v1-subset.schema.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
