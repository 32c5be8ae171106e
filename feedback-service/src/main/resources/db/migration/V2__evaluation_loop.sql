-- The evaluation loop: entries, closing with a frozen summary, reasons from the field, CSAT.

-- Who closed the round, and the summary as it was at closing (later lead events do not change it).
alter table feedback_round
    add column closed_by text,
    add column summary   jsonb;
create index feedback_round_opened on feedback_round (opened_at desc, id);

-- One entry per user per round; a second submission revises it in place.
create table feedback_entry (
    id           uuid primary key,
    round_id     uuid        not null references feedback_round (id),
    author       text        not null,
    team         text        not null,
    lead_quality smallint check (lead_quality between 1 and 5),
    comment      text        not null,
    actions      text[]      not null default '{}',
    submitted_at timestamptz not null, -- first submission: fixes the entry's place in the round
    revised_at   timestamptz,
    version      bigint      not null default 0,
    unique (round_id, author)
);

-- Why the campaign's leads were rejected or lost: one row per lead and outcome, with the latest reason,
-- kept per campaign and independent of rounds (lead events may arrive before the round opens).
create table lead_outcome (
    lead_id     uuid        not null,
    outcome     text        not null, -- REJECTED | LOST
    campaign_id uuid        not null,
    reason      text        not null,
    occurred_at timestamptz not null,
    primary key (lead_id, outcome)
);
create index lead_outcome_campaign on lead_outcome (campaign_id, outcome);

-- A lead's source campaign, from any lead event: attributes CSAT given without a campaignId.
create table lead_campaign (
    lead_id     uuid primary key,
    campaign_id uuid not null
);

create table csat_record (
    id          uuid primary key,
    lead_id     uuid        not null,
    campaign_id uuid,
    score       smallint    not null check (score between 1 and 5),
    comment     text,
    recorded_by text        not null,
    recorded_at timestamptz not null
);
create index csat_record_campaign on csat_record (campaign_id);
create index csat_record_lead on csat_record (lead_id);
