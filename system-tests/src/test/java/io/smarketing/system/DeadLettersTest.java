package io.smarketing.system;

import static io.smarketing.system.Platform.as;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import io.smarketing.chassis.messaging.CloudEventRecord;
import io.smarketing.events.Channel;
import io.smarketing.events.LeadCreated;
import io.smarketing.events.LeadQualified;
import io.smarketing.events.LeadStage;
import io.smarketing.events.Topics;
import io.smarketing.testing.TopicProbe;

/**
 * The way back from a dead-letter topic: {@code ./smarketing dead-letters} lists what a service could not
 * process, where it came from and why, and {@code --replay} sends it back once the cause is fixed, never
 * twice, and without anything counted twice.
 */
class DeadLettersTest {

    private static final String GOALS_DEAD_LETTERS = Topics.deadLetter("goals-service");
    private static final Pattern SENT_BACK = Pattern.compile("(\\d+) dead letters? sent back");

    @Test
    void aRecordNoServiceCanReadIsListedWithWhereItCameFromAndWhy() {
        String key = "poison-" + UUID.randomUUID();
        TopicProbe.send(CloudEventRecord.toRecord(Topics.LEADS, UUID.randomUUID().toString(),
                CloudEventRecord.source(Topics.publisher(Topics.LEADS)), LeadCreated.TYPE, key, Instant.now(),
                "{ not json".getBytes(StandardCharsets.UTF_8)));
        TopicProbe.awaitRecord(GOALS_DEAD_LETTERS, r -> key.equals(r.key()));

        List<String> listing = smarketing("dead-letters", "goals-service");
        int line = indexOf(listing, "key " + key);
        assertTrue(listing.get(line).contains("from " + Topics.LEADS + "/"), listing.get(line));
        assertTrue(listing.get(line).contains(LeadCreated.TYPE), listing.get(line));
        assertTrue(listing.get(line + 1).contains("Cannot decode LeadCreated"), listing.get(line + 1));
    }

    @Test
    void aReplayedDeadLetterTakesEffectOnceAndIsNeverSentBackTwice() {
        // as if goals-service had dead-lettered a good event while a bug stood in its way
        UUID campaign = UUID.randomUUID();
        UUID lead = UUID.randomUUID();
        ProducerRecord<String, byte[]> event = CloudEventRecord.toRecord(new LeadCreated(lead, campaign, LeadStage.NEW,
                lead + "@replay.example", "Rae", null, Channel.WEB, 10, "mia", Instant.now()));
        ProducerRecord<String, byte[]> letter = new ProducerRecord<>(GOALS_DEAD_LETTERS, event.key(), event.value());
        event.headers().forEach(letter.headers()::add);
        letter.headers().add("dead-letter-topic", Topics.LEADS.getBytes(StandardCharsets.UTF_8));
        letter.headers().add("dead-letter-reason", "a bug, fixed since".getBytes(StandardCharsets.UTF_8));
        TopicProbe.send(letter);

        assertTrue(sentBack(smarketing("dead-letters", "goals-service", "--replay")) >= 1);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> view(campaign).getInt("funnel.leads") == 1);
        List<String> listing = smarketing("dead-letters", "goals-service");
        assertTrue(listing.get(indexOf(listing, "key " + lead)).endsWith("(replayed)"), String.join("\n", listing));

        smarketing("dead-letters", "goals-service", "--replay");
        // the lead's next event comes after anything a second replay sent of it (same key, same partition)
        TopicProbe.publish(new LeadQualified(lead, campaign, LeadStage.MQL, 60, "mia", Instant.now()));
        List<String> types = TopicProbe.awaitRecords(Topics.LEADS, r -> lead.toString().equals(r.key()), 2).stream()
                .map(r -> TopicProbe.header(r, CloudEventRecord.TYPE)).toList();
        assertEquals(List.of(LeadCreated.TYPE, LeadQualified.TYPE), types.subList(0, 2), "sent back once");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> view(campaign).getInt("funnel.mqls") == 1);
        assertEquals(1, view(campaign).getInt("funnel.leads"));
    }

    private static io.restassured.path.json.JsonPath view(UUID campaign) {
        return as("executive", "erin", Platform.GOALS).queryParam("campaignId", campaign.toString())
                .when().get("/api/view").then().statusCode(200).extract().jsonPath();
    }

    private static int sentBack(List<String> output) {
        for (String line : output) {
            Matcher matcher = SENT_BACK.matcher(line);
            if (matcher.find()) {
                return Integer.parseInt(matcher.group(1));
            }
        }
        throw new AssertionError("no count of letters sent back in:\n" + String.join("\n", output));
    }

    private static int indexOf(List<String> lines, String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        throw new AssertionError("\"" + text + "\" is not in:\n" + String.join("\n", lines));
    }

    private static List<String> smarketing(String... args) {
        return PlatformProcesses.smarketing(Duration.ofSeconds(60), args);
    }
}
