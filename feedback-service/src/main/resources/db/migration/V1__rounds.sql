create table feedback_round (
    id          uuid primary key,
    campaign_id uuid        not null unique, -- one round per campaign
    status      text        not null,
    opened_by   text        not null,
    opened_at   timestamptz not null,
    closed_at   timestamptz,
    version     bigint      not null default 0
);
