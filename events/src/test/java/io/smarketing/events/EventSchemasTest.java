package io.smarketing.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaId;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The JSON Schemas, the records and the catalog must describe the same contract. */
class EventSchemasTest {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    /** Draft 2020-12 treats "format" as an annotation by default; we want uuid, date-time and date checked. */
    private static final SchemaValidatorsConfig CONFIG =
            SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    private static final Path SCHEMA_SOURCES = Path.of("src/main/resources", EventCatalog.SCHEMA_DIRECTORY);

    static Stream<Named<EventType<?>>> eventTypes() {
        return EventCatalog.ALL.stream().map(type -> Named.of(type.ceType(), type));
    }

    static Stream<Named<SmarketingEvent>> samples() {
        return EventSamples.withAndWithoutNulls();
    }

    @Test
    void everyCatalogEntryHasExactlyOneSample() {
        for (EventType<?> type : EventCatalog.ALL) {
            assertEquals(1, EventSamples.of(type).size(), "samples of " + type.ceType());
        }
        assertEquals(EventCatalog.ALL.size(), EventSamples.ALL.size(), "samples of types outside the catalog");
    }

    @Test
    void everySampleSetsEveryNullableField() {
        for (SmarketingEvent sample : EventSamples.ALL) {
            assertEquals(List.of(), nullFields(sample, ""), sample.getClass().getSimpleName());
        }
    }

    @ParameterizedTest
    @MethodSource("samples")
    void everyEventValidatesAgainstItsSchema(SmarketingEvent event) {
        EventType<?> type = EventCatalog.of(event.getClass());

        Set<ValidationMessage> errors = schemaOf(type).validate(toJson(event));

        assertEquals(Set.of(), errors, type.ceType());
    }

    @ParameterizedTest
    @MethodSource("samples")
    void serializedEventsCarryExactlyTheFieldsTheirSchemaDescribes(SmarketingEvent event) {
        JsonNode schema = schemaJson(EventCatalog.of(event.getClass()));

        assertEquals(fieldNames(schema.get("properties")), fieldNames(toJson(event)));
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void leavingOutAnyRequiredFieldFailsValidation(EventType<?> type) {
        JsonSchema schema = schemaOf(type);
        ObjectNode complete = toJson(EventSamples.of(type).get(0));

        for (String field : texts(schemaJson(type).get("required"))) {
            ObjectNode incomplete = complete.deepCopy();
            incomplete.remove(field);

            Set<ValidationMessage> errors = schema.validate(incomplete);

            assertTrue(errors.stream().anyMatch(error -> field.equals(error.getProperty())),
                    type.ceType() + " without " + field + " passed: " + errors);
        }
    }

    @Test
    void malformedIdsTimesAndOutOfRangeScoresFailValidation() {
        EventType<LeadCreated> type = EventCatalog.of(LeadCreated.class);
        ObjectNode valid = toJson(EventSamples.of(type).get(0));

        assertInvalid(type, valid.deepCopy().put("leadId", "lead-42"));
        assertInvalid(type, valid.deepCopy().put("occurredAt", "yesterday"));
        assertInvalid(type, valid.deepCopy().put("score", 101));
        assertInvalid(type, valid.deepCopy().put("stage", "WON"));
        assertInvalid(type, valid.deepCopy().put("email", "not an address"));
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void everyAmountIsBoundedByTheMoneyLimitInItsSchema(EventType<?> type) {
        for (String field : Amounts.of(type.javaType())) {
            JsonNode maximum = schemaJson(type).path("properties").path(field).path("exclusiveMaximum");
            assertEquals(0, MoneyLimit.EXCLUSIVE_MAX.compareTo(maximum.decimalValue()), type.ceType() + " " + field);
        }
    }

    @Test
    void anAmountBeyondTheMoneyLimitFailsValidationAndDecoding() {
        EventType<LeadWon> type = EventCatalog.of(LeadWon.class);
        ObjectNode tooMuch = toJson(EventSamples.of(type).get(0)).put("amount", new java.math.BigDecimal("1E+15"));

        assertInvalid(type, tooMuch);
        org.junit.jupiter.api.Assertions.assertThrows(EventDecodingException.class,
                () -> EventJson.read(EventJson.mapper().writeValueAsBytes(tooMuch), LeadWon.class));
        assertEquals(List.of("amount", "totalSpend"), Amounts.of(CampaignSpendRecorded.class));
    }

    @Test
    void unknownFieldsAreAllowedSoV1CanGrow() {
        EventType<LeadWon> type = EventCatalog.of(LeadWon.class);
        ObjectNode withNewField = toJson(EventSamples.of(type).get(0)).put("discountPercent", 5);

        assertEquals(Set.of(), schemaOf(type).validate(withNewField));
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void everySchemaIsAValidDraft202012Schema(EventType<?> type) {
        JsonSchema metaSchema = FACTORY.getSchema(SchemaLocation.of(SchemaId.V202012), CONFIG);

        assertEquals(Set.of(), metaSchema.validate(schemaJson(type)), type.ceType());
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void everySchemaDescribesExactlyTheFieldsOfItsRecord(EventType<?> type) {
        JsonNode schema = schemaJson(type);

        assertEquals(type.ceType(), schema.get("title").asText());
        assertTrue(schema.get("additionalProperties").asBoolean(), "additionalProperties must stay true");
        assertDescribes(type.javaType(), schema, schema, type.ceType());
    }

    @Test
    void everySchemaFileHasACatalogEntryAndEveryEntryAFile() throws IOException {
        Set<String> onDisk;
        try (Stream<Path> files = Files.list(SCHEMA_SOURCES)) {
            onDisk = files.map(path -> EventCatalog.SCHEMA_DIRECTORY + path.getFileName())
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        Set<String> inCatalog = EventCatalog.ALL.stream().map(EventType::schemaResource)
                .collect(Collectors.toCollection(TreeSet::new));

        assertEquals(inCatalog, onDisk);
    }

    /** Checks a schema (or nested object schema) against a record: same fields, same required ones. */
    private static void assertDescribes(Class<?> recordType, JsonNode schema, JsonNode root, String where) {
        JsonNode properties = schema.get("properties");
        RecordComponent[] components = recordType.getRecordComponents();
        Set<String> names = Arrays.stream(components).map(RecordComponent::getName).collect(Collectors.toSet());

        assertEquals(names, fieldNames(properties), where + ": properties");
        assertEquals(RequiredFields.of(recordType.asSubclass(Record.class)), texts(schema.get("required")),
                where + ": required (the fields not marked @Nullable)");

        for (RecordComponent component : components) {
            String path = where + "." + component.getName();
            JsonNode property = properties.get(component.getName());
            Class<?> type = component.getType();
            if (type.isEnum()) {
                assertEnumValues(type, property, path);
            } else if (type.isRecord()) {
                assertDescribes(type, resolve(property, root), root, path);
            } else if (List.class.equals(type) && elementType(component).isRecord()) {
                assertDescribes(elementType(component), resolve(property.get("items"), root), root, path + "[]");
            }
        }
    }

    /** A schema may narrow an enum (e.g. lead.won's stage is WON) but never invent a constant. */
    private static void assertEnumValues(Class<?> enumType, JsonNode property, String where) {
        Set<String> constants = Arrays.stream(enumType.getEnumConstants()).map(Object::toString)
                .collect(Collectors.toSet());
        Set<String> listed = texts(property.get("enum"));

        assertFalse(listed.isEmpty(), where + " lists no enum values");
        assertTrue(constants.containsAll(listed), where + " lists " + listed + ", not all of " + constants);
    }

    private static void assertInvalid(EventType<?> type, JsonNode json) {
        assertFalse(schemaOf(type).validate(json).isEmpty(), "passed validation: " + json);
    }

    private static List<String> nullFields(Object record, String path) {
        return Arrays.stream(record.getClass().getRecordComponents()).flatMap(component -> {
            Object value = EventSamples.valueOf(component, record);
            String name = path + component.getName();
            return value == null ? Stream.of(name)
                    : value instanceof Record nested ? nullFields(nested, name + ".").stream() : Stream.empty();
        }).toList();
    }

    private static Class<?> elementType(RecordComponent listComponent) {
        ParameterizedType listType = (ParameterizedType) listComponent.getGenericType();
        return (Class<?>) listType.getActualTypeArguments()[0];
    }

    /** Follows a local {@code $ref} such as {@code #/$defs/reasonCount}. */
    private static JsonNode resolve(JsonNode schema, JsonNode root) {
        JsonNode ref = schema.get("$ref");
        return ref == null ? schema : root.at(ref.asText().substring(1));
    }

    static JsonSchema schemaOf(EventType<?> type) {
        try (InputStream in = type.schema().openStream()) {
            return FACTORY.getSchema(in, CONFIG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode schemaJson(EventType<?> type) {
        try {
            JsonNode schema = EventJson.mapper().readTree(type.schema());
            assertNotNull(schema, type.schemaResource());
            return schema;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode toJson(SmarketingEvent event) {
        try {
            return (ObjectNode) EventJson.mapper().readTree(EventJson.write(event));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> fieldNames(JsonNode object) {
        Set<String> names = new HashSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Set<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).collect(Collectors.toSet());
    }
}
