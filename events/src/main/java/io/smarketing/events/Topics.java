package io.smarketing.events;

import java.util.List;
import java.util.Map;

/**
 * Kafka topic names: one topic per publishing aggregate, so the record key (the aggregate id) gives
 * per-aggregate ordering. The {@code .v1} suffix only changes with a breaking change of the topic.
 */
public final class Topics {

    /** Published by leads-service. */
    public static final String LEADS = "smarketing.leads.v1";
    /** Published by campaigns-service. */
    public static final String CAMPAIGNS = "smarketing.campaigns.v1";
    /** Published by feedback-service. */
    public static final String FEEDBACK = "smarketing.feedback.v1";
    /** Published by goals-service. */
    public static final String GOALS = "smarketing.goals.v1";

    /** The four event topics, in the order the root README lists them. */
    public static final List<String> EVENT_TOPICS = List.of(LEADS, CAMPAIGNS, FEEDBACK, GOALS);

    private static final Map<String, String> PUBLISHERS = Map.of(LEADS, "leads-service", CAMPAIGNS,
            "campaigns-service", FEEDBACK, "feedback-service", GOALS, "goals-service");

    private static final String DEAD_LETTER_PREFIX = "smarketing.dlq.";

    private Topics() {
    }

    /**
     * The one service that publishes on an event topic: its records carry {@code ce_source}
     * {@code /smarketing/<service>}, and a record with any other source is not trusted.
     */
    public static String publisher(String topic) {
        String service = PUBLISHERS.get(topic);
        if (service == null) {
            throw new IllegalArgumentException("Not an event topic: " + topic);
        }
        return service;
    }

    /**
     * The dead-letter topic of one consuming service, e.g. {@code smarketing.dlq.goals-service}: a
     * record that can never be processed goes there so the consumer keeps going.
     */
    public static String deadLetter(String consumerService) {
        if (consumerService == null || consumerService.isBlank()) {
            throw new IllegalArgumentException("consumerService must not be blank");
        }
        return DEAD_LETTER_PREFIX + consumerService;
    }
}
