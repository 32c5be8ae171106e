package io.smarketing.events;

import java.util.List;

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

    /** The four event topics, in the order DESIGN.md §3 lists them. */
    public static final List<String> EVENT_TOPICS = List.of(LEADS, CAMPAIGNS, FEEDBACK, GOALS);

    private static final String DEAD_LETTER_PREFIX = "smarketing.dlq.";

    private Topics() {
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
