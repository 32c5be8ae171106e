package io.smarketing.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The AsyncAPI document must describe what the catalog holds, so readers of either see one contract. */
class AsyncApiDocumentTest {

    private static final String DOCUMENT = "io/smarketing/events/asyncapi.yaml";

    private static String text;
    private static JsonNode asyncApi;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = AsyncApiDocumentTest.class.getClassLoader().getResourceAsStream(DOCUMENT)) {
            assertNotNull(in, DOCUMENT + " is not on the classpath");
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        asyncApi = new ObjectMapper(new YAMLFactory()).readTree(text);
    }

    @Test
    void itIsAnAsyncApi3Document() {
        assertEquals("3.0.0", asyncApi.get("asyncapi").asText());
    }

    @Test
    void itMentionsEveryCeTypeAndEveryTopic() {
        for (EventType<?> type : EventCatalog.ALL) {
            assertTrue(text.contains(type.ceType()), type.ceType());
            assertTrue(text.contains(type.topic()), type.topic());
        }
    }

    @Test
    void eachTopicChannelCarriesExactlyTheMessagesOfItsTopic() {
        Map<String, Set<String>> ceTypesByAddress = new HashMap<>();
        asyncApi.get("channels").forEach(channel -> ceTypesByAddress.put(channel.get("address").asText(),
                channel.get("messages").findValues("$ref").stream()
                        .map(ref -> message(ref.asText()).get("name").asText())
                        .collect(Collectors.toSet())));

        for (String topic : Topics.EVENT_TOPICS) {
            Set<String> expected = EventCatalog.onTopic(topic).stream().map(EventType::ceType)
                    .collect(Collectors.toSet());
            assertEquals(expected, ceTypesByAddress.get(topic), topic);
        }
        assertTrue(ceTypesByAddress.containsKey(Topics.deadLetter("{consumerService}")), "dead-letter channel");
    }

    @Test
    void everyMessagePayloadIsTheSchemaFileOfItsCeType() {
        for (EventType<?> type : EventCatalog.ALL) {
            JsonNode message = messageNamed(type.ceType());
            String ref = message.get("payload").get("$ref").asText();

            assertEquals("./schemas/" + type.ceType() + ".json", ref);
            assertEquals(EventCatalog.SCHEMA_DIRECTORY + ref.substring("./schemas/".length()), type.schemaResource());
        }
    }

    @Test
    void theCloudEventsHeadersAreDocumentedOnce() {
        JsonNode headers = asyncApi.at("/components/schemas/cloudEventHeaders/required");
        Set<String> required = new java.util.HashSet<>();
        headers.forEach(header -> required.add(header.asText()));

        assertEquals(Set.of("ce_id", "ce_source", "ce_type", "ce_subject", "ce_time", "ce_specversion",
                "content-type"), required);
    }

    private static JsonNode messageNamed(String name) {
        for (JsonNode message : asyncApi.at("/components/messages")) {
            if (name.equals(message.get("name").asText())) {
                return message;
            }
        }
        throw new AssertionError("No message named " + name);
    }

    private static JsonNode message(String ref) {
        JsonNode message = asyncApi.at(ref.substring(1));
        assertTrue(!message.isMissingNode(), "dangling " + ref);
        return message;
    }
}
