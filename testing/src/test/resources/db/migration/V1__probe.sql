create table probe_note (
    id   uuid primary key,
    text text not null
);

create table probe_effect (
    lead_id  uuid not null,
    event_id text not null
);
