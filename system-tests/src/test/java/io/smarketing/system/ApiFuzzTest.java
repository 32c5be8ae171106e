package io.smarketing.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smarketing.system.ApiOperations.Operation;
import io.smarketing.system.RawHttp.Request;
import io.smarketing.testing.Tokens;

/**
 * At least 10,000 bad requests, built from the OpenAPI documents, to every operation of the four services: wrong
 * types, out-of-range numbers and dates, huge and odd strings, missing and extra fields, malformed JSON and CSV,
 * bad query values and ids, bad tokens and content types. None may be answered with a 5xx, and none may change a
 * row: every table of the four databases has the same count and checksum afterwards.
 *
 * <p>Every request is bad for a reason that alone refuses it (a bad token, an unknown or malformed id, or a
 * body value no rule accepts); the other oddities ride along, so that they are parsed and validated too. Extra
 * fields are one of those: the APIs ignore unknown fields (except {@code team} in feedback entries), so a body
 * that is otherwise valid would rightly be accepted.
 */
class ApiFuzzTest {

    private static final int AT_LEAST = 10_000;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String SALES_USER = "sam-fuzz";

    private static final List<String> MALFORMED_JSON = List.of("{", "}", "[", "{\"a\":}", "{\"a\" 1}", "{'a':1}",
            "{\"a\":tru}", "{\"a\":01}", "{\"a\":1.}", "{\"a\":.5}", "{\"a\":-}", "{\"a\":\"\\x\"}", "{\"a\":\"\u0001\"}",
            "{}{}", "{\"a\":1}garbage", "NaN", "{\"a\":NaN}", "{\"a\":Infinity}", "\u0000", "{\"a\":\"\\ud800\"}",
            "[".repeat(5_000) + "]".repeat(5_000), "{\"a\":" + "1".repeat(5_000) + "}",
            "{\"a\":1" + ",\"a\":1".repeat(2_000) + "}", "{\"a\":[" + "1,".repeat(3_000) + "1]", "\"unterminated",
            "{\"email\":\"x\",}", "{\"a\":1e99999999999}", "  ", "<xml/>", "\uFEFF\uFEFF{}");
    private static final List<String> NOT_OBJECTS = List.of("[]", "\"text\"", "42", "true", "null", "[{}]", "-0.0");
    private static final List<String> ODD_STRINGS = List.of("", " ", "\u0000", "\uffff", "😀😀", "\u202e", "'; drop table lead; --",
            "<script>alert(1)</script>", "../../etc/passwd", "%00", "%s%n", "${jndi:ldap://x/a}", "\\", "\"", "null",
            "NaN", "٣", "\r\n", "x".repeat(100_000), "ü".repeat(5_000));
    private static final List<String> ODD_QUERY = List.of("", "x", "-1", "0", "2147483648", "1e9", "1E+300000000",
            "NaN", "+999999999-12-31", "1969-12-31", "9999-12-31T23:59:60Z", "2026-02-30", "00000000-0000-0000-0000-000000000000",
            "not-a-uuid", "1-1-1-1-1", "\u0000", "' or 1=1 --", "x".repeat(10_000), "😀", "WON", "won", "first", "LINEAR",
            "true", " ", "%", "a,b", "[]", "{}");
    private static final List<String> BAD_IDS = List.of("not-a-uuid", "1", "00000000-0000-0000-0000-000000000000",
            UUID.randomUUID().toString(), "x".repeat(3_000), "%00", "..%2F..", "1-1-1-1-1", "%F0%9F%98%80",
            UUID.randomUUID().toString().toUpperCase());

    private final Random random = new Random(20261201);
    private final Map<String, String> existing = new HashMap<>();

    @Test
    void tenThousandBadRequestsGetNoServerErrorAndChangeNoRow() throws Exception {
        List<Operation> operations = ApiOperations.all();
        prepareResources();
        Map<String, String> before = awaitQuietDatabases();

        List<Request> requests = new ArrayList<>();
        for (Operation operation : operations) {
            requests.addAll(badRequests(operation));
        }
        while (requests.size() < AT_LEAST) {
            Operation operation = operations.get(random.nextInt(operations.size()));
            if (operation.bodySchema() != null && operation.contentType().contains("json")) {
                requests.add(invalidBody(operation, 1 + random.nextInt(4)));
            } else if (!operation.queryParameters().isEmpty()) {
                requests.add(badQuery(operation));
            } else {
                requests.add(badToken(operation, random.nextInt(BAD_TOKENS)));
            }
        }

        long started = System.nanoTime();
        Map<String, Integer> statuses = new ConcurrentHashMap<>();
        List<String> serverErrors = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger sent = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> done = new ArrayList<>();
        for (Request request : requests) {
            done.add(pool.submit(() -> {
                RawHttp.Answer answer = RawHttp.send(request);
                sent.incrementAndGet();
                statuses.merge(answer.status() / 100 + "xx", 1, Integer::sum);
                if (answer.status() >= 500 && serverErrors.size() < 50) {
                    serverErrors.add(answer.status() + " " + request.method() + " " + abbreviate(request.url()) + " "
                            + abbreviate(request.body() == null ? "" : new String(request.body(), StandardCharsets.UTF_8))
                            + " → " + abbreviate(answer.body()));
                }
            }));
        }
        for (Future<?> future : done) {
            future.get();
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("fuzz: %d bad requests to %d operations in %.1f s: %s%n", sent.get(), operations.size(),
                seconds, new java.util.TreeMap<>(statuses));

        assertTrue(sent.get() >= AT_LEAST, "sent " + sent.get());
        assertTrue(serverErrors.isEmpty(), serverErrors.size() + " server error(s):\n" + String.join("\n", serverErrors));
        List<String> changed = Databases.changed(before, Databases.snapshot());
        assertEquals(List.of(), changed, "rows changed by requests that were all refused");
    }

    // ----------------------------------------------------------------------------------------- requests

    private List<Request> badRequests(Operation operation) {
        List<Request> requests = new ArrayList<>();
        for (int token = 0; token < BAD_TOKENS; token++) {
            requests.add(badToken(operation, token));
        }
        if (operation.hasPathId()) {
            for (String id : BAD_IDS) {
                requests.add(request(operation, pathWith(operation, id), validBody(operation), goodToken(operation)));
            }
        }
        for (String parameter : operation.queryParameters()) {
            for (String value : ODD_QUERY) {
                requests.add(request(operation, path(operation) + "?" + parameter + "=" + encode(value),
                        readOnly(operation) ? validBody(operation) : invalidBodyText(operation), goodToken(operation)));
            }
        }
        if (operation.bodySchema() != null) {
            String json = operation.contentType().contains("json") ? null : "csv";
            if (json == null) {
                for (String malformed : MALFORMED_JSON) {
                    requests.add(request(operation, path(operation), malformed, goodToken(operation)));
                }
                for (String notAnObject : NOT_OBJECTS) {
                    requests.add(request(operation, path(operation), notAnObject, goodToken(operation)));
                }
                ObjectNode valid = (ObjectNode) parse(validBody(operation));
                for (Iterator<String> fields = valid.fieldNames(); fields.hasNext();) {
                    String field = fields.next();
                    for (JsonNode wrong : wrongValues(operation, field)) {
                        for (int extras = 0; extras < 4; extras++) {
                            ObjectNode body = valid.deepCopy();
                            body.set(field, wrong);
                            oddities(body, field, extras);
                            requests.add(request(operation, path(operation), body.toString(), goodToken(operation)));
                        }
                    }
                }
                for (String required : required(operation)) {
                    ObjectNode body = valid.deepCopy();
                    body.remove(required);
                    requests.add(request(operation, path(operation), body.toString(), goodToken(operation)));
                }
                for (String contentType : List.of("text/plain", "application/xml", "text/csv", "application/x-www-form-urlencoded")) {
                    requests.add(withContentType(request(operation, path(operation), invalidBodyText(operation),
                            goodToken(operation)), contentType));
                }
            } else {
                for (String csv : badCsv()) {
                    requests.add(request(operation, path(operation), csv, goodToken(operation)));
                }
                requests.add(withContentType(request(operation, path(operation), "email,name,channel\nx,y,WEB\n",
                        goodToken(operation)), "application/json"));
            }
        }
        return requests;
    }

    /** The valid body with one field no rule accepts and {@code extras} other oddities. */
    private Request invalidBody(Operation operation, int extras) {
        ObjectNode body = (ObjectNode) parse(validBody(operation));
        List<String> fields = new ArrayList<>();
        body.fieldNames().forEachRemaining(fields::add);
        String field = fields.get(random.nextInt(fields.size()));
        List<JsonNode> wrong = wrongValues(operation, field);
        body.set(field, wrong.get(random.nextInt(wrong.size())));
        oddities(body, field, extras);
        return request(operation, path(operation), body.toString(), goodToken(operation));
    }

    private Request badQuery(Operation operation) {
        String parameter = operation.queryParameters().get(random.nextInt(operation.queryParameters().size()));
        String value = ODD_QUERY.get(random.nextInt(ODD_QUERY.size())) + (random.nextBoolean() ? "" : "x" + random.nextInt(999));
        return request(operation, path(operation) + "?" + parameter + "=" + encode(value),
                readOnly(operation) ? validBody(operation) : invalidBodyText(operation), goodToken(operation));
    }

    private static final int BAD_TOKENS = 8;

    private Request badToken(Operation operation, int which) {
        String authorization = switch (which) {
            case 0 -> null;
            case 1 -> "Bearer";
            case 2 -> "Bearer not.a.token";
            case 3 -> "Basic bWlhOm1pYQ==";
            case 4 -> "Bearer " + Tokens.token("marketing", "mia", Duration.ofMinutes(5), "another-system");
            case 5 -> "Bearer " + unsigned(goodTokenText(operation));
            case 6 -> "Bearer " + Tokens.token("marketing", "mia", Duration.ofSeconds(-120), Tokens.AUDIENCE);
            default -> "Bearer " + "x".repeat(8_000);
        };
        return request(operation, operation.hasPathId() ? pathWith(operation, existingId(operation)) : path(operation),
                validBody(operation), authorization);
    }

    /** A signed token with its signature cut off and its header claiming none. */
    private static String unsigned(String token) {
        String[] parts = token.split("\\.");
        String header = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        return header + "." + parts[1] + ".";
    }

    private List<JsonNode> wrongValues(Operation operation, String field) {
        JsonNode schema = propertySchema(operation, field);
        String type = schema == null ? "" : schema.path("type").asText();
        String format = schema == null ? "" : schema.path("format").asText();
        List<JsonNode> wrong = new ArrayList<>();
        wrong.add(NODES.objectNode().put("nested", "object"));
        switch (type) {
            case "integer" -> {
                wrong.add(NODES.numberNode(1.5));
                wrong.add(NODES.textNode("three"));
                if (!field.equals("version")) { // a version of -1 is a stale version (409), and ignored on create
                    wrong.add(NODES.numberNode(-1));
                }
                wrong.add(NODES.numberNode(new java.math.BigDecimal("1E+300000000")));
                wrong.add(NODES.numberNode(new java.math.BigInteger("9".repeat(40))));
            }
            case "number" -> {
                wrong.add(NODES.textNode("lots"));
                wrong.add(NODES.numberNode(-1));
                wrong.add(NODES.numberNode(new java.math.BigDecimal("1E+300000000")));
                wrong.add(NODES.numberNode(new java.math.BigDecimal("1E-300000000")));
                wrong.add(NODES.numberNode(new java.math.BigDecimal("1000000000000000")));
            }
            case "array" -> {
                wrong.add(NODES.textNode("not a list"));
                wrong.add(NODES.numberNode(7));
            }
            case "boolean" -> wrong.add(NODES.textNode("maybe"));
            default -> {
                wrong.add(NODES.arrayNode().add("in").add("a").add("list"));
                if (schema != null && schema.has("enum")) {
                    wrong.add(NODES.textNode("NOT_ONE_OF_THEM"));
                }
                if ("uuid".equals(format)) {
                    wrong.add(NODES.textNode("not-a-uuid"));
                    wrong.add(NODES.textNode("1-1-1-1-1"));
                }
                if ("date".equals(format)) {
                    wrong.add(NODES.textNode("+999999999-12-31"));
                    wrong.add(NODES.textNode("1969-12-31"));
                    wrong.add(NODES.textNode("2026-02-30"));
                }
            }
        }
        return wrong;
    }

    /** Odd values for other fields, extra fields, nulls: they ride along with the field that makes it bad. */
    private void oddities(ObjectNode body, String keep, int count) {
        List<String> fields = new ArrayList<>();
        body.fieldNames().forEachRemaining(name -> {
            if (!name.equals(keep)) {
                fields.add(name);
            }
        });
        for (int i = 0; i < count; i++) {
            switch (random.nextInt(4)) {
                case 0 -> body.put("extra" + i, ODD_STRINGS.get(random.nextInt(ODD_STRINGS.size())));
                case 1 -> {
                    if (!fields.isEmpty()) {
                        body.put(fields.get(random.nextInt(fields.size())), ODD_STRINGS.get(random.nextInt(ODD_STRINGS.size())));
                    }
                }
                case 2 -> {
                    if (!fields.isEmpty()) {
                        body.putNull(fields.get(random.nextInt(fields.size())));
                    }
                }
                default -> {
                    if (!fields.isEmpty()) {
                        body.remove(fields.get(random.nextInt(fields.size())));
                    }
                }
            }
        }
    }

    private static List<String> badCsv() {
        List<String> csv = new ArrayList<>(List.of("", "\n\n\n", "a\n".repeat(50_000), "email,name\nx@y.com,Ann\n",
                "email,email,name,channel\n", "email;name;channel\na;b;WEB\n", "\"email,name,channel\n",
                "\u0000\u0001\u0002", "emaıl,name,channel\nx@acme.com,Ann,WEB\n"));
        String header = "email,name,channel\n";
        csv.add(header + "only-two,fields\n".repeat(100));
        csv.add(header + "not-an-email,Ann,WEB\n");
        csv.add(header + "x@acme-corp.com,Ann,FAX\n");
        csv.add(header + "x@acme-corp.com,,WEB\n");
        csv.add(header + "\"x@acme-corp.com,Ann,WEB\n");
        csv.add(header + "x".repeat(5_000) + "@acme-corp.com,Ann,WEB\n");
        csv.add(header + "a,".repeat(5_000) + "a\n");
        csv.add(header + "x@acme-corp.com,\"Ann\"x,WEB\n");
        csv.add(header + "x@acme-corp.com,Ann,WEB,extra\n".repeat(20_001));
        csv.add("email,name,channel,campaignId\nx@acme-corp.com,Ann,WEB,not-a-uuid\n");
        csv.add("email,name,channel,campaignId\nx@acme-corp.com,Ann,WEB," + UUID.randomUUID() + "\n");
        return csv;
    }

    // --------------------------------------------------------------------------------- valid parts

    /** What the operations act on, made before the databases are compared, so bad requests meet real rows. */
    private void prepareResources() {
        existing.put("leads", Fixtures.assigned(SALES_USER));
        existing.put("campaigns", Fixtures.campaign(true));
        existing.put("rounds", Fixtures.round());
        existing.put("goals", Fixtures.goal());
        existing.put("csat", Fixtures.csat());
        existing.put("csatLead", Fixtures.leadKnownToFeedback());
        existing.put("rules", Fixtures.routingRule());
    }

    private String existingId(Operation operation) {
        String path = operation.path();
        return path.startsWith("/api/leads") ? existing.get("leads")
                : path.startsWith("/api/routing/rules") ? existing.get("rules")
                : path.startsWith("/api/campaigns") ? existing.get("campaigns")
                : path.startsWith("/api/feedback/rounds") ? existing.get("rounds")
                : path.startsWith("/api/feedback/csat") ? existing.get("csat")
                : existing.get("goals");
    }

    /** A body every rule accepts (JSON) or would accept (CSV), for the operation's existing resource. */
    private String validBody(Operation operation) {
        String tag = "fuzz-" + UUID.randomUUID();
        return switch (operation.key()) {
            case "POST /api/leads" -> "{\"email\":\"" + tag + "@example.com\",\"name\":\"Ann Lee\",\"company\":\"Acme\","
                    + "\"title\":\"CFO\",\"phone\":\"+81 3 1234\",\"campaignId\":null,\"channel\":\"WEB\"}";
            case "POST /api/leads/{id}/assign" -> "{\"ownerId\":\"sam-fuzz-other\"}";
            case "POST /api/leads/{id}/reject" -> "{\"reason\":\"NOT_A_FIT\",\"note\":\"no\"}";
            case "POST /api/leads/{id}/win" -> "{\"amount\":1000}";
            case "POST /api/leads/{id}/lose" -> "{\"reason\":\"PRICE\",\"note\":\"no\"}";
            case "POST /api/leads/{id}/touches" -> "{\"channel\":\"EMAIL\",\"subject\":\"Hi\",\"messageKey\":\"k\","
                    + "\"campaignId\":\"" + UUID.randomUUID() + "\"}";
            case "POST /api/leads/import" -> "email,name,channel\n" + tag + "@acme-corp.com,Ann,WEB\n";
            case "POST /api/campaigns" -> Fixtures.campaign(tag, null);
            case "PUT /api/campaigns/{id}" -> Fixtures.campaign(tag, 1L);
            case "POST /api/campaigns/{id}/spend" -> "{\"amount\":100,\"note\":\"n\"}";
            case "POST /api/feedback/rounds" -> "{\"campaignId\":\"" + UUID.randomUUID() + "\"}";
            case "POST /api/feedback/rounds/{id}/entries" -> "{\"leadQuality\":4,\"comment\":\"ok\",\"actions\":[\"call\"]}";
            case "POST /api/feedback/csat" -> "{\"leadId\":\"" + existing.get("csatLead") + "\",\"campaignId\":null,"
                    + "\"survey\":\"fuzz\",\"score\":4,\"comment\":\"ok\"}";
            case "POST /api/goals" -> Fixtures.goal(tag, null);
            case "PUT /api/goals/{id}" -> Fixtures.goal(tag, 0L);
            case "POST /api/routing/rules" -> Fixtures.routingRule(tag, null);
            case "PUT /api/routing/rules/{id}" -> Fixtures.routingRule(tag, 0L);
            case "PUT /api/routing/reps/{repId}/away" -> "{\"from\":\"" + Instant.now() + "\",\"to\":\""
                    + Instant.now().plus(Duration.ofDays(1)) + "\"}";
            case "POST /api/leads/{id}/activities" -> "{\"externalId\":\"" + tag + "\",\"kind\":\"REPLIED\","
                    + "\"occurredAt\":\"" + Instant.now().minusSeconds(60) + "\"}";
            case "POST /api/leads/activities" -> "{\"activities\":[{\"externalId\":\"" + tag + "\",\"kind\":\"REPLIED\","
                    + "\"leadId\":\"" + existing.get("leads") + "\"}]}";
            default -> null;
        };
    }

    /** A body that alone makes the request bad, for operations that take one (and null for those that take none). */
    private String invalidBodyText(Operation operation) {
        return operation.bodySchema() == null ? null
                : operation.contentType().contains("json") ? "{\"broken\":" : "no,valid,header\n";
    }

    /** Reads never change a row, whatever they are sent with. */
    private static boolean readOnly(Operation operation) {
        return operation.method().equals("GET");
    }

    private Map<String, String> goodToken(Operation operation) {
        return Map.of("Authorization", "Bearer " + goodTokenText(operation));
    }

    private static String goodTokenText(Operation operation) {
        String role = operation.roles().contains("sales") ? "sales" : operation.roles().iterator().next();
        return Tokens.bearer(role, role.equals("sales") ? SALES_USER : role.equals("marketing") ? "mia" : "erin")
                .substring("Bearer ".length());
    }

    private Request request(Operation operation, String path, String body, String authorization) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (authorization != null) {
            headers.put("Authorization", authorization);
        }
        return request(operation, path, body, headers);
    }

    private Request request(Operation operation, String path, String body, Map<String, String> auth) {
        Map<String, String> headers = new LinkedHashMap<>(auth);
        if (body != null) {
            headers.put("Content-Type", operation.contentType() == null ? "application/json" : operation.contentType());
        }
        headers.put("Accept", path.contains("/stream") ? "text/event-stream" : "application/json");
        return Request.of(operation.method(), operation.baseUrl() + path, headers, body);
    }

    private static Request withContentType(Request request, String contentType) {
        Map<String, String> headers = new LinkedHashMap<>(request.headers());
        headers.put("Content-Type", contentType);
        return new Request(request.method(), request.url(), headers, request.body());
    }

    /** The path with the operation's existing resource, or, for a change without a body, an unknown one. */
    private String path(Operation operation) {
        if (!operation.hasPathId()) {
            // another rep's away period: refused (403) whatever the body
            return operation.path().replace("{repId}", "sam-fuzz-other");
        }
        boolean changesWithoutBody = !readOnly(operation) && operation.bodySchema() == null;
        return pathWith(operation, changesWithoutBody ? UUID.randomUUID().toString() : existingId(operation));
    }

    private static String pathWith(Operation operation, String id) {
        return operation.path().replace("{id}", id);
    }

    private JsonNode propertySchema(Operation operation, String field) {
        JsonNode body = operation.resolve(operation.bodySchema());
        JsonNode property = body == null ? null : body.path("properties").get(field);
        if (property == null) {
            return null;
        }
        JsonNode resolved = operation.resolve(property);
        if (resolved != null && !resolved.has("type") && resolved.has("allOf")) {
            resolved = operation.resolve(resolved.get("allOf").get(0));
        }
        return resolved;
    }

    private List<String> required(Operation operation) {
        JsonNode body = operation.resolve(operation.bodySchema());
        List<String> required = new ArrayList<>();
        if (body != null) {
            body.path("required").forEach(name -> required.add(name.asText()));
        }
        return required;
    }

    private static JsonNode parse(String json) {
        if (json == null) {
            throw new AssertionError("An operation with a body has no valid body in ApiFuzzTest.validBody: add one");
        }
        try {
            return ApiOperations.JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }

    /**
     * The platform settles after the resources are made (events consumed, outbox rows published, the view
     * projected): two snapshots a few seconds apart must agree before the bad requests start.
     */
    private static Map<String, String> awaitQuietDatabases() {
        @SuppressWarnings("unchecked")
        Map<String, String>[] last = new Map[] { Databases.snapshot() };
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollDelay(Duration.ofSeconds(3)).pollInterval(Duration.ofSeconds(3))
                .until(() -> {
                    Map<String, String> now = Databases.snapshot();
                    boolean quiet = now.equals(last[0]);
                    last[0] = now;
                    return quiet;
                });
        return last[0];
    }
}
