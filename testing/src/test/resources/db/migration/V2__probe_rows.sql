-- Rows written through the chassis StatementBatch (no key: a statement sent twice shows as two rows).
create table probe_row (
    id     uuid not null,
    amount numeric(19, 2),
    at     timestamptz,
    note   text,
    flag   boolean
);
