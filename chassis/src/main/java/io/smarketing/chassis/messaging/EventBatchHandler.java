package io.smarketing.chassis.messaging;

import java.util.List;

/**
 * What a consumer does with the new events of one batch, in the order they were consumed (per partition, so
 * per aggregate), inside the inbox's transaction. Events this consumer processed before are not in the list.
 */
@FunctionalInterface
public interface EventBatchHandler {

    void handle(List<IncomingEvent> events);
}
