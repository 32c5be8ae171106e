create table lead (
    id          uuid primary key,
    email       text        not null,
    name        text        not null,
    company     text,
    title       text,
    phone       text,
    campaign_id uuid,
    channel     text        not null,
    score       integer     not null,
    stage       text        not null,
    owner_id    text,
    sla_due_at  timestamptz,
    created_at  timestamptz not null,
    updated_at  timestamptz not null,
    version     bigint      not null default 0
);
create index lead_email on lead (lower(email));
create index lead_stage on lead (stage);
create index lead_campaign on lead (campaign_id);

-- What leads-service knows of each campaign, from smarketing.campaigns.v1.
create table campaign_replica (
    id          uuid primary key,
    name        text,
    status      text        not null,
    key_message text,
    updated_at  timestamptz not null
);
