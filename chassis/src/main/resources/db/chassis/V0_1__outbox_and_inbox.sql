-- Chassis tables, shared by every service. Service migrations start at V1.

-- Events written in the same transaction as the change they describe; the relay publishes them in id order.
create table outbox_event (
    id           bigserial primary key,
    event_id     uuid        not null unique,
    topic        text        not null,
    record_key   text        not null,
    ce_type      text        not null,
    ce_time      timestamptz not null,
    payload      json        not null,
    created_at   timestamptz not null default now(),
    published_at timestamptz
);
create index outbox_event_unpublished on outbox_event (id) where published_at is null;

-- One row per (consumer, ce_id) already applied: written in the consumer's transaction, so a redelivery is a no-op.
create table processed_event (
    consumer     text        not null,
    event_id     text        not null,
    ce_type      text        not null,
    processed_at timestamptz not null default now(),
    primary key (consumer, event_id)
);
