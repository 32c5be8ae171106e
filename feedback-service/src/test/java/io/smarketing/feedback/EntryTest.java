package io.smarketing.feedback;

import static io.smarketing.feedback.Feedback.as;
import static io.smarketing.feedback.Feedback.awaitEvent;
import static io.smarketing.feedback.Feedback.entry;
import static io.smarketing.feedback.Feedback.openRound;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smarketing.events.FeedbackSubmitted;
import io.smarketing.events.Team;
import io.smarketing.testing.RealInfrastructure;

@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class EntryTest {

    private static String entries(String roundId) {
        return "/api/feedback/rounds/" + roundId + "/entries";
    }

    @Test
    void aSalesEntryIsASalesEntryAndIsPublished() {
        UUID campaignId = UUID.randomUUID();
        String round = openRound(campaignId);

        String entryId = as("sales", "sam").body(entry(2, "Half of them were students"))
                .when().post(entries(round))
                .then().statusCode(201)
                .body("team", equalTo("SALES")).body("author", equalTo("sam")).body("leadQuality", equalTo(2))
                .body("revised", equalTo(false)).body("revisedAt", nullValue())
                .extract().path("id");

        FeedbackSubmitted event = awaitEvent(FeedbackSubmitted.class, e -> e.entryId().toString().equals(entryId));
        assertEquals(Team.SALES, event.team());
        assertEquals("sam", event.author());
        assertEquals(campaignId, event.campaignId());
        assertEquals(UUID.fromString(round), event.roundId());
        assertEquals("Half of them were students", event.comment());
        assertFalse(event.revised());
    }

    @Test
    void aMarketingEntryAnswersWithActionsAndNeedNotRate() {
        String round = openRound(UUID.randomUUID());

        String entryId = as("marketing", "mia").body(entry(null, "We will fix targeting", "Exclude .edu", "Add budget question"))
                .when().post(entries(round))
                .then().statusCode(201)
                .body("team", equalTo("MARKETING")).body("leadQuality", nullValue())
                .body("actions", contains("Exclude .edu", "Add budget question"))
                .extract().path("id");

        FeedbackSubmitted event = awaitEvent(FeedbackSubmitted.class, e -> e.entryId().toString().equals(entryId));
        assertEquals(Team.MARKETING, event.team());
        assertNull(event.leadQuality());
        assertEquals(List.of("Exclude .edu", "Add budget question"), event.actions());
    }

    @Test
    void aSalesTokenCannotWriteAMarketingEntryByNamingTheTeam() {
        String round = openRound(UUID.randomUUID());

        as("sales", "sam").body("{\"leadQuality\":4,\"comment\":\"fine\",\"team\":\"MARKETING\"}")
                .when().post(entries(round))
                .then().statusCode(422).contentType("application/problem+json")
                .body("violations.field", contains("team"));
        as("sales", "sam").when().get("/api/feedback/rounds/" + round)
                .then().statusCode(200).body("entries", hasSize(0));
    }

    @Test
    void executivesCannotWriteEntries() {
        String round = openRound(UUID.randomUUID());

        as("executive", "erin").body(entry(3, "looks fine"))
                .when().post(entries(round))
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void aSecondEntryOfTheSameUserReplacesTheFirstAndIsPublishedAsRevised() {
        String round = openRound(UUID.randomUUID());
        String first = as("sales", "sue").body(entry(1, "Terrible"))
                .when().post(entries(round)).then().statusCode(201).extract().path("id");

        as("sales", "sue").body(entry(3, "On second look, fair"))
                .when().post(entries(round))
                .then().statusCode(200)
                .body("id", equalTo(first)).body("leadQuality", equalTo(3)).body("revised", equalTo(true))
                .body("revisedAt", notNullValue());

        as("marketing", "mia").when().get("/api/feedback/rounds/" + round)
                .then().statusCode(200)
                .body("entries", hasSize(1)).body("entries[0].comment", equalTo("On second look, fair"))
                .body("summary.avgLeadQuality", equalTo(3.0f)).body("summary.entriesByTeam.SALES", equalTo(1));
        FeedbackSubmitted revision = awaitEvent(FeedbackSubmitted.class,
                e -> e.entryId().toString().equals(first) && e.revised());
        assertEquals(3, revision.leadQuality());
    }

    @Test
    void differentUsersOfOneTeamEachHaveTheirEntry() {
        String round = openRound(UUID.randomUUID());
        as("sales", "sam").body(entry(2, "meh")).when().post(entries(round)).then().statusCode(201);
        as("sales", "sid").body(entry(4, "good")).when().post(entries(round)).then().statusCode(201);

        as("sales", "sam").when().get("/api/feedback/rounds/" + round)
                .then().statusCode(200)
                .body("entries.author", containsInAnyOrder("sam", "sid"))
                .body("summary.avgLeadQuality", equalTo(3.0f)).body("summary.entriesByTeam.SALES", equalTo(2));
    }

    @Test
    void salesMustRateTheLeadsAndComment() {
        String round = openRound(UUID.randomUUID());

        as("sales", "sam").body(entry(null, "no rating"))
                .when().post(entries(round))
                .then().statusCode(422).contentType("application/problem+json")
                .body("violations.field", contains("leadQuality"));
        as("sales", "sam").body("{\"leadQuality\":3}")
                .when().post(entries(round))
                .then().statusCode(422).body("violations.field", contains("comment"));
    }

    @Test
    void invalidEntriesAreRuleViolationsWithEveryBrokenField() {
        String round = openRound(UUID.randomUUID());

        as("marketing", "mia").body("{\"leadQuality\":6,\"comment\":\" \"}")
                .when().post(entries(round))
                .then().statusCode(422).contentType("application/problem+json")
                .body("violations.field", containsInAnyOrder("comment", "leadQuality"));
        as("sales", "sam").body("{\"comment\":\"x\",\"actions\":[\"ok\",\" \",null]}")
                .when().post(entries(round))
                .then().statusCode(422).contentType("application/problem+json")
                .body("violations.field", contains("leadQuality", "actions[1]", "actions[2]"));
        as("marketing", "mia").body("{\"comment\":\"x\",\"actions\":[\"" + "a".repeat(501) + "\"]}")
                .when().post(entries(round))
                .then().statusCode(422).body("violations.field", contains("actions[0]"));
        as("marketing", "mia").when().get("/api/feedback/rounds/" + round).then().body("entries", hasSize(0));
        as("marketing", "mia").body("{\"leadQuality\":\"great\",\"comment\":\"x\"}")
                .when().post(entries(round))
                .then().statusCode(422).body("violations.field", contains("leadQuality"));
        as("marketing", "mia").body("not json")
                .when().post(entries(round))
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void anEntryForAnUnknownRoundIsA404() {
        as("sales", "sam").body(entry(3, "where am I"))
                .when().post(entries(UUID.randomUUID().toString()))
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void entriesComeBackWithTheRound() {
        String round = openRound(UUID.randomUUID());
        as("sales", "sam").body(entry(5, "great leads")).when().post(entries(round)).then().statusCode(201);

        var entry = as("executive", "erin").when().get("/api/feedback/rounds/" + round)
                .then().statusCode(200).extract().jsonPath();
        assertEquals("SALES", entry.getString("entries[0].team"));
        assertEquals(5, entry.getInt("entries[0].leadQuality"));
        assertTrue(entry.getString("entries[0].submittedAt").endsWith("Z"));
    }
}
