-- One row per lead, projected from smarketing.leads.v1: which funnel stages it has reached.
-- Flags only ever turn on, so replaying or reordering a lead's events gives the same row.
create table lead_fact (
    lead_id        uuid primary key,
    campaign_id    uuid,
    created_at     timestamptz,
    reached_mql    boolean     not null default false,
    reached_sql    boolean     not null default false,
    won            boolean     not null default false,
    lost           boolean     not null default false,
    rejected       boolean     not null default false,
    last_event_at  timestamptz not null
);
create index lead_fact_created on lead_fact (created_at);
create index lead_fact_campaign on lead_fact (campaign_id);
