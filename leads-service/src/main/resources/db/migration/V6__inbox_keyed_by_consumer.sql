-- The inbox keys its dedupe on the consumer's name (EventConsumer.name()), no longer on the channel's ("events"):
-- the ids this service's consumer processed before stay processed, so a redelivery or replay has no second effect.
update processed_event set consumer = 'campaign-replicas' where consumer = 'events';
