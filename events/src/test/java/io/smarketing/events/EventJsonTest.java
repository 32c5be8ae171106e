package io.smarketing.events;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smarketing.events.FeedbackRoundClosed.RoundSummary;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EventJsonTest {

    static Stream<Named<SmarketingEvent>> samples() {
        return EventSamples.withAndWithoutNulls();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void everyEventRoundTripsUnchanged(SmarketingEvent event) {
        assertEquals(event, EventJson.read(EventJson.write(event), event.getClass()));
    }

    @Test
    void timesAndDatesAreIsoStringsAndAmountsPlainNumbers() {
        JsonNode won = EventSchemasTest.toJson(new LeadWon(EventSamples.LEAD, null, LeadStage.WON,
                new BigDecimal("1E+6"), "JPY", "kenji.ito", EventSamples.AT));
        JsonNode planned = EventSchemasTest.toJson(EventSamples.of(EventCatalog.of(CampaignPlanned.class)).get(0));

        assertEquals("2026-11-26T09:15:30.123456Z", won.get("occurredAt").asText());
        assertEquals("1000000", won.get("amount").toString());
        assertTrue(won.has("campaignId") && won.get("campaignId").isNull(), "nulls are written out");
        assertEquals("2027-03-01", planned.get("startDate").asText());
    }

    @Test
    void unknownFieldsAreIgnoredSoAdditiveChangesDoNotBreakConsumers() {
        SmarketingEvent sample = EventSamples.of(EventCatalog.of(LeadQualified.class)).get(0);
        ObjectNode json = EventSchemasTest.toJson(sample).put("scoreModel", "v2");

        assertEquals(sample, EventJson.read(json.toString().getBytes(UTF_8), LeadQualified.class));
    }

    @Test
    void aPayloadThatIsNotJsonIsAPoisonRecord() {
        assertThrows(EventDecodingException.class, () -> EventJson.read("{not json".getBytes(UTF_8), LeadWon.class));
        assertThrows(EventDecodingException.class, () -> EventJson.read(new byte[0], LeadWon.class));
        assertThrows(EventDecodingException.class, () -> EventJson.read(null, LeadWon.class));
        assertThrows(EventDecodingException.class, () -> EventJson.read("null".getBytes(UTF_8), LeadWon.class));
    }

    @Test
    void aChannelOrReasonAddedLaterReadsAsOther() {
        ObjectNode json = EventSchemasTest.toJson(EventSamples.of(EventCatalog.of(LeadRejected.class)).get(0));
        json.put("reason", "WRONG_REGION");

        LeadRejected rejected = EventJson.read(json.toString().getBytes(UTF_8), LeadRejected.class);

        assertEquals(RejectionReason.OTHER, rejected.reason());
    }

    @Test
    void anUnknownStageIsAPoisonRecord() {
        ObjectNode json = EventSchemasTest.toJson(EventSamples.of(EventCatalog.of(LeadWon.class)).get(0));
        json.put("stage", "ASLEEP");

        assertThrows(EventDecodingException.class, () -> EventJson.read(json.toString().getBytes(UTF_8), LeadWon.class));
    }

    @Test
    void aMissingRequiredFieldIsAPoisonRecordNamingTheField() {
        ObjectNode json = EventSchemasTest.toJson(EventSamples.of(EventCatalog.of(LeadAssigned.class)).get(0));
        json.remove("leadId");

        EventDecodingException e = assertThrows(EventDecodingException.class,
                () -> EventJson.read(json.toString().getBytes(UTF_8), LeadAssigned.class));
        assertTrue(e.getMessage().contains("leadId"), e.getMessage());
    }

    @Test
    void aMissingRequiredNumberOrFlagIsAPoisonRecordRatherThanZeroOrFalse() {
        ObjectNode json = EventSchemasTest.toJson(EventSamples.of(EventCatalog.of(LeadAccepted.class)).get(0));
        json.remove("withinSla");

        assertThrows(EventDecodingException.class,
                () -> EventJson.read(json.toString().getBytes(UTF_8), LeadAccepted.class));
    }

    @Test
    void aMissingRequiredFieldInsideTheRoundSummaryIsAPoisonRecord() {
        ObjectNode json = EventSchemasTest.toJson(EventSamples.of(EventCatalog.of(FeedbackRoundClosed.class)).get(0));
        ((ObjectNode) json.get("summary")).remove("actions");

        EventDecodingException e = assertThrows(EventDecodingException.class,
                () -> EventJson.read(json.toString().getBytes(UTF_8), FeedbackRoundClosed.class));
        assertTrue(e.getMessage().contains("summary.actions"), e.getMessage());
    }

    @Test
    void writingAnEventWithoutARequiredFieldFailsInTheProducer() {
        LeadQualified noLead = new LeadQualified(null, null, LeadStage.MQL, 70, "mika.sato", EventSamples.AT);
        FeedbackRoundClosed noSummaryActions = new FeedbackRoundClosed(EventSamples.ROUND, EventSamples.CAMPAIGN,
                new RoundSummary(null, Map.of(), List.of(), List.of(), null, 0, null),
                "mika.sato", EventSamples.AT);

        assertThrows(IllegalArgumentException.class, () -> EventJson.write(noLead));
        assertThrows(IllegalArgumentException.class, () -> EventJson.write(noSummaryActions));
    }

    /** What a plumbing test (outbox, inbox) may define: an event that is not part of the contract. */
    private record PlumbingTestEvent(String id, Instant occurredAt) implements SmarketingEvent {
        @Override
        public String subject() {
            return id;
        }
    }

    @Test
    void eventsOutsideTheContractRoundTripToo() {
        PlumbingTestEvent event = new PlumbingTestEvent("42", EventSamples.AT);

        assertEquals(event, EventJson.read(EventJson.write(event), PlumbingTestEvent.class));
    }
}
