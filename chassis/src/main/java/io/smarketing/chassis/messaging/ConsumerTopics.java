package io.smarketing.chassis.messaging;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.interceptor.Interceptor;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.StartupEvent;
import io.smarketing.events.EventCatalog;
import io.smarketing.events.EventType;
import io.smarketing.events.SmarketingEvent;

/**
 * Stops a service at start-up, before its consumer takes a record, when the topics it subscribes to and the
 * event types its consumer handles disagree: a topic without a handler, a handled type whose topic is not
 * subscribed, or a subscription without any consumer.
 */
@ApplicationScoped
public class ConsumerTopics {

    /** The property that subscribes the {@link Inbox#CHANNEL} channel. */
    public static final String PROPERTY = "mp.messaging.incoming." + Inbox.CHANNEL + ".topics";

    void check(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent startup,
            Instance<EventConsumer> consumers, @ConfigProperty(name = PROPERTY) Optional<List<String>> subscribed) {
        verify(subscribed.orElse(List.of()), consumers.stream().toList());
    }

    /** Throws, saying what to change, unless the subscribed topics are exactly the handled types' topics. */
    public static void verify(List<String> subscribed, List<EventConsumer> consumers) {
        Set<String> topics = subscribed.stream().map(String::strip).filter(t -> !t.isEmpty())
                .collect(Collectors.toCollection(TreeSet::new));
        if (consumers.size() > 1) {
            throw new IllegalStateException("One consumer per service takes the " + Inbox.CHANNEL + " channel, found "
                    + consumers.stream().map(EventConsumer::name).toList());
        }
        if (consumers.isEmpty()) {
            if (!topics.isEmpty()) {
                throw new IllegalStateException(PROPERTY + " subscribes to " + topics
                        + " but no EventConsumer handles their events");
            }
            return;
        }
        EventConsumer consumer = consumers.get(0);
        Set<String> handled = topicsOf(consumer.handles());
        if (!handled.equals(topics)) {
            Set<String> unhandled = new TreeSet<>(topics);
            unhandled.removeAll(handled);
            Set<String> unsubscribed = new TreeSet<>(handled);
            unsubscribed.removeAll(topics);
            throw new IllegalStateException("Consumer " + consumer.name() + " handles events of " + handled + " but "
                    + PROPERTY + " subscribes to " + topics
                    + (unhandled.isEmpty() ? "" : "; no handled type is published on " + unhandled)
                    + (unsubscribed.isEmpty() ? "" : "; not subscribed: " + unsubscribed));
        }
    }

    /** The topics the event types are published on: a sealed interface stands for all its record types. */
    static Set<String> topicsOf(Set<Class<? extends SmarketingEvent>> types) {
        Set<String> topics = new TreeSet<>();
        for (Class<? extends SmarketingEvent> type : types) {
            List<String> of = EventCatalog.ALL.stream().filter(t -> type.isAssignableFrom(t.javaType()))
                    .map(EventType::topic).distinct().toList();
            if (of.isEmpty()) {
                throw new IllegalStateException(type.getName() + " is not an event type of the contract");
            }
            topics.addAll(of);
        }
        return topics;
    }
}
