-- Campaigns (the strategy step) and the lead facts their closed-loop performance is computed from.

create table campaign (
    id              uuid primary key,
    name            text           not null,
    channel         text           not null,
    budget          numeric(19, 4) not null check (budget >= 0),
    start_date      date           not null,
    end_date        date           not null check (end_date >= start_date),
    key_message     text           not null,
    audience        text,
    goal_id         uuid,
    marketing_owner text           not null,
    sales_liaison   text           not null,
    status          text           not null,
    total_spend     numeric(19, 4) not null default 0 check (total_spend >= 0),
    created_at      timestamptz    not null,
    updated_at      timestamptz    not null,
    version         bigint         not null default 0
);
create index campaign_status on campaign (status);
create index campaign_created on campaign (created_at desc, id);

-- The first skeleton kept only the latest stage per campaign lead; lead_fact below replaces it.
drop table campaign_lead;

-- One row per lead, from smarketing.leads.v1, keyed by lead and naming the source campaign even when this
-- database does not know that campaign (yet). Flags only turn on and the source is kept once set, so a
-- lead's events applied in any order, or twice, converge on the same row; performance is computed on read.
create table lead_fact (
    lead_id            uuid primary key,
    source_campaign_id uuid,
    reached_mql        boolean     not null default false,
    reached_sql        boolean     not null default false,
    won                boolean     not null default false,
    rejected           boolean     not null default false,
    lost               boolean     not null default false,
    won_amount         numeric(19, 4),
    won_at             timestamptz,
    last_event_at      timestamptz not null
);
create index lead_fact_source on lead_fact (source_campaign_id);
create index lead_fact_won on lead_fact (won_at) where won_at is not null;

-- Touches made for a campaign (LeadTouched.touchCampaignId): the input of last-touch and linear attribution.
create table lead_touch (
    touch_id    uuid primary key,
    lead_id     uuid        not null,
    campaign_id uuid        not null,
    occurred_at timestamptz not null
);
create index lead_touch_lead on lead_touch (lead_id);
create index lead_touch_campaign on lead_touch (campaign_id);
