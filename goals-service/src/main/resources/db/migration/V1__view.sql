-- The shared view's projections. Each row is built from events with order-independent upserts
-- (first-reached times with least(), flags that only turn on), so replaying every topic from the start,
-- or receiving topics in any order, gives the same rows. The inbox keeps each event to one effect.

-- One row per lead, from smarketing.leads.v1.
create table lead_fact (
    lead_id          uuid primary key,
    campaign_id      uuid,
    created_at       timestamptz,
    mql_at           timestamptz,
    sql_at           timestamptz,
    won_at           timestamptz,
    lost_at          timestamptz,
    rejected_at      timestamptz,
    amount           numeric(19, 2),
    rejection_reason text,
    loss_reason      text,
    owner_id         text,
    assigned_at      timestamptz,
    sla_due_at       timestamptz,
    responded_at     timestamptz,
    within_sla       boolean,
    sla_breached_at  timestamptz,
    last_event_at    timestamptz not null
);
create index lead_fact_created on lead_fact (created_at);
create index lead_fact_campaign on lead_fact (campaign_id);
create index lead_fact_won on lead_fact (won_at);

-- Touches that broke the consistent-messaging rules.
create table touch_fact (
    touch_id    uuid primary key,
    lead_id     uuid        not null,
    campaign_id uuid,
    team        text        not null,
    conflict    text,
    occurred_at timestamptz not null
);
create index touch_fact_conflict on touch_fact (occurred_at) where conflict is not null;

-- Campaigns, from smarketing.campaigns.v1; a lead or spend event may create the row before `planned` arrives.
create table campaign_fact (
    campaign_id  uuid primary key,
    name         text,
    status       text,
    budget       numeric(19, 2),
    goal_id      uuid,
    described_at timestamptz,
    status_at    timestamptz
);

create table spend_fact (
    event_id    text primary key,
    campaign_id uuid           not null,
    amount      numeric(19, 2) not null,
    occurred_at timestamptz    not null
);
create index spend_fact_campaign on spend_fact (campaign_id);

-- Feedback entries: the latest entry of each author in each round counts (a revision replaces it).
create table feedback_entry_fact (
    round_id     uuid        not null,
    author       text        not null,
    campaign_id  uuid        not null,
    team         text        not null,
    lead_quality integer,
    occurred_at  timestamptz not null,
    primary key (round_id, author)
);

create table csat_fact (
    csat_id     uuid primary key,
    lead_id     uuid        not null,
    campaign_id uuid,
    score       integer     not null,
    occurred_at timestamptz not null
);

-- The latest events of every kind, for the dashboard's activity list (trimmed as it grows).
create table activity (
    event_id    text primary key,
    type        text        not null,
    subject     text        not null,
    summary     text        not null,
    actor       text,
    occurred_at timestamptz not null
);
create index activity_time on activity (occurred_at desc);
