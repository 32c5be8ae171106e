package io.smarketing.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class EventCatalogTest {

    private static final Map<String, String> AGGREGATE_OF_TOPIC = Map.of(
            Topics.LEADS, "lead", Topics.CAMPAIGNS, "campaign", Topics.FEEDBACK, "feedback", Topics.GOALS, "goal");

    @Test
    void theCatalogHasTwentyFourTypesWithUniqueCeTypes() {
        assertEquals(24, EventCatalog.ALL.size());
        assertEquals(24, EventCatalog.ALL.stream().map(EventType::ceType).distinct().count());
        assertEquals(24, EventCatalog.ALL.stream().map(EventType::javaType).distinct().count());
    }

    @Test
    void everyRecordOfTheSealedHierarchyIsInTheCatalog() {
        Set<Class<?>> records = Stream.of(LeadEvent.class, CampaignEvent.class, FeedbackEvent.class, GoalEvent.class)
                .flatMap(EventCatalogTest::permittedRecords)
                .collect(Collectors.toSet());

        assertEquals(records, EventCatalog.ALL.stream().map(EventType::javaType).collect(Collectors.toSet()));
    }

    @Test
    void everyCeTypeNamesTheAggregateOfItsTopicAndIsTheRecordsTypeConstant() throws ReflectiveOperationException {
        for (EventType<?> type : EventCatalog.ALL) {
            String aggregate = AGGREGATE_OF_TOPIC.get(type.topic());
            assertTrue(type.ceType().matches("io\\.smarketing\\." + aggregate + "\\.[a-z]+(-[a-z]+)*\\.v1"),
                    type.ceType() + " on " + type.topic());
            assertEquals(type.ceType(), type.javaType().getField("TYPE").get(null));
            assertEquals(EventCatalog.SCHEMA_DIRECTORY + type.ceType() + ".json", type.schemaResource());
        }
    }

    @Test
    void lookupsFindTypesByCeTypeAndByClass() {
        EventType<LeadSlaBreached> breached = EventCatalog.of(LeadSlaBreached.class);

        assertEquals("io.smarketing.lead.sla-breached.v1", breached.ceType());
        assertEquals(Topics.LEADS, breached.topic());
        assertEquals(Optional.of(breached), EventCatalog.byCeType("io.smarketing.lead.sla-breached.v1"));
        assertSame(LeadSlaBreached.class, breached.javaType());
    }

    @Test
    void anUnknownCeTypeIsEmptySoConsumersCanSkipIt() {
        assertEquals(Optional.empty(), EventCatalog.byCeType("io.smarketing.lead.teleported.v1"));
        assertEquals(Optional.empty(), EventCatalog.byCeType(null));
    }

    @Test
    void anUnknownClassIsAProgrammingError() {
        record Stray(Instant occurredAt) implements SmarketingEvent {
            @Override
            public String subject() {
                return "stray";
            }
        }

        assertThrows(IllegalArgumentException.class, () -> EventCatalog.of(Stray.class));
    }

    @Test
    void eachTopicCarriesTheEventsOfItsAggregate() {
        assertEquals(10, EventCatalog.onTopic(Topics.LEADS).size());
        assertEquals(6, EventCatalog.onTopic(Topics.CAMPAIGNS).size());
        assertEquals(4, EventCatalog.onTopic(Topics.FEEDBACK).size());
        assertEquals(4, EventCatalog.onTopic(Topics.GOALS).size());
        assertEquals(List.of(), EventCatalog.onTopic("smarketing.unknown.v1"));
        assertTrue(EventCatalog.onTopic(Topics.GOALS).stream().allMatch(t -> GoalEvent.class.isAssignableFrom(t.javaType())));
    }

    @Test
    void theSubjectIsTheAggregateIdSoEachAggregateStaysOrdered() {
        for (SmarketingEvent event : EventSamples.ALL) {
            UUID expected;
            if (event instanceof LeadEvent lead) {
                expected = lead.leadId();
            } else if (event instanceof CampaignEvent campaign) {
                expected = campaign.campaignId();
            } else if (event instanceof FeedbackRoundEvent round) {
                expected = round.roundId();
            } else if (event instanceof FeedbackCsatRecorded csat) {
                expected = csat.csatId();
            } else {
                expected = ((GoalEvent) event).goalId();
            }
            assertEquals(expected.toString(), event.subject(), event.getClass().getSimpleName());
        }
    }

    @Test
    void deadLetterTopicsAreNamedAfterTheConsumer() {
        assertEquals("smarketing.dlq.goals-service", Topics.deadLetter("goals-service"));
        assertThrows(IllegalArgumentException.class, () -> Topics.deadLetter(" "));
    }

    @Test
    void everySchemaIsOnTheClasspath() {
        EventCatalog.ALL.forEach(EventType::schema);
    }

    private static Stream<Class<?>> permittedRecords(Class<?> sealed) {
        return Arrays.stream(sealed.getPermittedSubclasses())
                .flatMap(sub -> sub.isRecord() ? Stream.of(sub) : permittedRecords(sub));
    }
}
