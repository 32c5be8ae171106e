-- Short-lived, single-use tickets that open a live view stream (EventSource cannot send a bearer token, and a
-- token in a URL ends up in logs and histories). Only the ticket's SHA-256 is kept; any replica redeems it.
create table stream_ticket (
    ticket_hash      text primary key,
    user_name        text        not null,
    groups           text[]      not null,
    token_expires_at timestamptz not null,
    expires_at       timestamptz not null
);
create index stream_ticket_expiry on stream_ticket (expires_at);
