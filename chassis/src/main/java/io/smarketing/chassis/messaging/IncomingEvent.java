package io.smarketing.chassis.messaging;

import java.time.Instant;

import io.smarketing.events.SmarketingEvent;

/** A consumed CloudEvent: its attributes and its decoded data. */
public record IncomingEvent(String id, String type, String source, String subject, Instant time,
        SmarketingEvent data) {
}
