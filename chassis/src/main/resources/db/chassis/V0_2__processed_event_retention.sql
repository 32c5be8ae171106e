-- processed_event is pruned by age (smarketing.inbox.dedupe-retention): the pruning reads this index.
create index processed_event_processed_at on processed_event (processed_at);
