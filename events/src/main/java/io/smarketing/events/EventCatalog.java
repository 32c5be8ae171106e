package io.smarketing.events;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every event type of the contract, readable in one place. Producers look up the type of the event
 * they publish ({@link #of}); consumers look up the type named by a record's {@code ce_type} header
 * ({@link #byCeType}) and decode the value with {@link EventJson}.
 */
public final class EventCatalog {

    /** Where the JSON Schemas live on the classpath, one file per {@code ce_type}. */
    public static final String SCHEMA_DIRECTORY = "io/smarketing/events/schemas/";

    public static final List<EventType<?>> ALL = List.of(
            type(LeadCreated.class, LeadCreated.TYPE),
            type(LeadQualified.class, LeadQualified.TYPE),
            type(LeadAssigned.class, LeadAssigned.TYPE),
            type(LeadAccepted.class, LeadAccepted.TYPE),
            type(LeadRejected.class, LeadRejected.TYPE),
            type(LeadTouched.class, LeadTouched.TYPE),
            type(LeadWon.class, LeadWon.TYPE),
            type(LeadLost.class, LeadLost.TYPE),
            type(LeadSlaBreached.class, LeadSlaBreached.TYPE),
            type(LeadScored.class, LeadScored.TYPE),

            type(CampaignPlanned.class, CampaignPlanned.TYPE),
            type(CampaignUpdated.class, CampaignUpdated.TYPE),
            type(CampaignLaunched.class, CampaignLaunched.TYPE),
            type(CampaignCompleted.class, CampaignCompleted.TYPE),
            type(CampaignCancelled.class, CampaignCancelled.TYPE),
            type(CampaignSpendRecorded.class, CampaignSpendRecorded.TYPE),

            type(FeedbackRoundOpened.class, FeedbackRoundOpened.TYPE),
            type(FeedbackSubmitted.class, FeedbackSubmitted.TYPE),
            type(FeedbackCsatRecorded.class, FeedbackCsatRecorded.TYPE),
            type(FeedbackRoundClosed.class, FeedbackRoundClosed.TYPE),

            type(GoalSet.class, GoalSet.TYPE),
            type(GoalRevised.class, GoalRevised.TYPE),
            type(GoalAchieved.class, GoalAchieved.TYPE),
            type(GoalAtRisk.class, GoalAtRisk.TYPE));

    private static final Map<String, EventType<?>> BY_CE_TYPE =
            ALL.stream().collect(Collectors.toUnmodifiableMap(EventType::ceType, Function.identity()));
    private static final Map<Class<?>, EventType<?>> BY_JAVA_TYPE =
            ALL.stream().collect(Collectors.toUnmodifiableMap(EventType::javaType, Function.identity()));

    private EventCatalog() {
    }

    /**
     * The type named by a {@code ce_type} header. Empty for a type this version of the jar does not
     * know (e.g. one added later): consumers skip those instead of failing.
     */
    public static Optional<EventType<?>> byCeType(String ceType) {
        return Optional.ofNullable(ceType).map(BY_CE_TYPE::get);
    }

    /** The type of a record class; an unknown class is a programming error. */
    @SuppressWarnings("unchecked") // BY_JAVA_TYPE maps each class to the EventType of that class
    public static <T extends SmarketingEvent> EventType<T> of(Class<T> javaType) {
        EventType<?> type = BY_JAVA_TYPE.get(javaType);
        if (type == null) {
            throw new IllegalArgumentException("Not an event type of the catalog: " + javaType);
        }
        return (EventType<T>) type;
    }

    /** The types published on a topic, in catalog order. */
    public static List<EventType<?>> onTopic(String topic) {
        return ALL.stream().filter(type -> type.topic().equals(topic)).toList();
    }

    private static <T extends SmarketingEvent> EventType<T> type(Class<T> javaType, String ceType) {
        return new EventType<>(javaType, ceType, topicOf(javaType), SCHEMA_DIRECTORY + ceType + ".json");
    }

    /** The topic follows from the sealed sub-interface, so a record cannot land on the wrong topic. */
    private static String topicOf(Class<?> javaType) {
        if (LeadEvent.class.isAssignableFrom(javaType)) {
            return Topics.LEADS;
        }
        if (CampaignEvent.class.isAssignableFrom(javaType)) {
            return Topics.CAMPAIGNS;
        }
        if (FeedbackEvent.class.isAssignableFrom(javaType)) {
            return Topics.FEEDBACK;
        }
        if (GoalEvent.class.isAssignableFrom(javaType)) {
            return Topics.GOALS;
        }
        throw new IllegalArgumentException(javaType + " implements no per-topic event interface");
    }
}
