-- The lead lifecycle: follow-up, outcomes, touches and the timeline.

alter table lead
    add column responded_at     timestamptz,
    add column within_sla       boolean,
    add column accepted_at      timestamptz,
    add column sla_breached_at  timestamptz,
    add column rejection_reason text,
    add column loss_reason      text,
    add column amount           numeric(19, 2),
    add column currency         text,
    add column closed_at        timestamptz;

-- At most one open lead per e-mail: the database, not only the service, refuses a duplicate.
create unique index lead_open_email on lead (lower(email)) where stage not in ('WON', 'LOST');
create index lead_owner on lead (owner_id);
create index lead_created on lead (created_at desc, id);
-- What the SLA job scans: assigned MQLs not yet reported as breached.
create index lead_sla_pending on lead (sla_due_at) where stage = 'MQL' and sla_breached_at is null;

-- Every contact either team made with a lead (and every repeated submission of it).
create table touch (
    id           uuid primary key,
    lead_id      uuid        not null references lead (id),
    team         text        not null,
    channel      text        not null,
    subject      text        not null,
    message_key  text,
    campaign_id  uuid,
    conflict     text,
    submission   boolean     not null,
    by_user      text        not null,
    occurred_at  timestamptz not null
);
create index touch_lead_team on touch (lead_id, team, occurred_at desc);

-- A lead's history: one row per event it published (data = the event JSON), in the same transaction as the change.
create table lead_timeline (
    id          uuid primary key,
    seq         bigserial   not null,
    lead_id     uuid        not null references lead (id),
    type        text        not null,
    stage       text        not null,
    by_user     text        not null,
    occurred_at timestamptz not null,
    data        text        not null
);
create index lead_timeline_lead on lead_timeline (lead_id, seq);
