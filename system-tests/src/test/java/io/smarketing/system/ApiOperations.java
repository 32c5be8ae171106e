package io.smarketing.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Every operation under {@code /api} of the four services, read from their OpenAPI documents
 * ({@code /q/openapi}): the method and path, the roles its security requirement names, its query parameters
 * and the schema of its request body. The authorization matrix and the fuzz test are built from these, so an
 * operation added to a service is covered (or fails them) without anyone listing it.
 */
final class ApiOperations {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Map<String, String> SERVICES = Map.of("goals", Platform.GOALS, "leads", Platform.LEADS,
            "campaigns", Platform.CAMPAIGNS, "feedback", Platform.FEEDBACK);

    /** One operation: {@code key} is {@code METHOD path} as the document writes it. */
    record Operation(String service, String baseUrl, String method, String path, Set<String> roles,
            List<String> queryParameters, String contentType, JsonNode bodySchema, JsonNode document) {

        String key() {
            return method + " " + path;
        }

        boolean hasPathId() {
            return path.contains("{id}");
        }

        /** The body schema with {@code $ref}s resolved against its document's components. */
        JsonNode resolve(JsonNode schema) {
            JsonNode current = schema;
            while (current != null && current.has("$ref")) {
                String ref = current.get("$ref").asText();
                current = document.at(ref.substring(1));
            }
            return current;
        }

        @Override
        public String toString() {
            return key();
        }
    }

    private ApiOperations() {
    }

    static List<Operation> all() {
        List<Operation> operations = new ArrayList<>();
        SERVICES.forEach((service, url) -> {
            JsonNode document = read(url);
            for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext();) {
                Map.Entry<String, JsonNode> path = paths.next();
                if (!path.getKey().startsWith("/api/")) {
                    continue;
                }
                for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext();) {
                    Map.Entry<String, JsonNode> method = methods.next();
                    operations.add(operation(service, url, method.getKey().toUpperCase(), path.getKey(),
                            method.getValue(), document));
                }
            }
        });
        operations.sort(java.util.Comparator.comparing(Operation::key));
        return operations;
    }

    private static Operation operation(String service, String url, String method, String path, JsonNode operation,
            JsonNode document) {
        Set<String> roles = new LinkedHashSet<>();
        operation.path("security").forEach(requirement -> requirement.fields()
                .forEachRemaining(scheme -> scheme.getValue().forEach(role -> roles.add(role.asText()))));
        List<String> query = new ArrayList<>();
        operation.path("parameters").forEach(parameter -> {
            if ("query".equals(parameter.path("in").asText())) {
                query.add(parameter.path("name").asText());
            }
        });
        String contentType = null;
        JsonNode schema = null;
        Iterator<Map.Entry<String, JsonNode>> contents = operation.path("requestBody").path("content").fields();
        if (contents.hasNext()) {
            Map.Entry<String, JsonNode> content = contents.next();
            contentType = content.getKey();
            schema = content.getValue().path("schema");
        }
        return new Operation(service, url, method, path, roles, query, contentType, schema, document);
    }

    private static JsonNode read(String url) {
        RawHttp.Answer answer = RawHttp.send(RawHttp.Request.of("GET", url + "/q/openapi?format=json", Map.of(), null));
        if (answer.status() != 200) {
            throw new IllegalStateException(url + "/q/openapi answered " + answer.status());
        }
        try {
            return JSON.readTree(answer.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
