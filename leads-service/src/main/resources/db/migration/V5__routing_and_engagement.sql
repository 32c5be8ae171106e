-- Automatic routing of MQLs to sales reps, and engagement scoring with decay.

-- mql_at: when the lead became an MQL in its current cycle (the handoff to sales starts there).
-- engagement: the activity points as of engagement_at; they halve every leads.engagement.half-life, so the
-- score at any moment is computed from these two columns, never by summing the activities again.
alter table lead
    add column mql_at        timestamptz,
    add column engagement    double precision not null default 0 check (engagement >= 0),
    add column engagement_at timestamptz;
update lead l set mql_at = coalesce(
        (select max(t.occurred_at) from lead_timeline t
         where t.lead_id = l.id and (t.type = 'qualified' or (t.type = 'created' and t.stage = 'MQL'))),
        l.updated_at)
    where stage = 'MQL';
-- A rep's load: the MQLs assigned to them that wait for their answer.
create index lead_owner_open_mql on lead (owner_id) where stage = 'MQL';

-- Routing rules in match order (position, then age); the default rule matches every lead and comes last.
create table routing_rule (
    id          uuid primary key,
    name        text        not null,
    position    integer     not null,
    channel     text,
    campaign_id uuid,
    is_default  boolean     not null,
    created_at  timestamptz not null,
    updated_at  timestamptz not null,
    version     bigint      not null default 0,
    check (is_default = (channel is null and campaign_id is null))
);
create unique index routing_rule_one_default on routing_rule (is_default) where is_default;

-- A rule's pool: each rep with the most open assigned MQLs they may hold. last_turn is the routing_turn value
-- of the rep's last lead from this rule: the rep with the oldest turn is next in the rotation.
create table routing_pool_member (
    id        uuid    primary key,
    rule_id   uuid    not null references routing_rule (id) on delete cascade,
    rep_id    text    not null,
    capacity  integer not null check (capacity > 0),
    position  integer not null,
    last_turn bigint,
    unique (rule_id, rep_id)
);
create sequence routing_turn;

-- A rep's announced absence: no new leads are routed to them from away_from until away_to.
create table rep_away (
    rep_id     text        primary key,
    away_from  timestamptz not null,
    away_to    timestamptz not null,
    updated_at timestamptz not null,
    check (away_from < away_to)
);

-- MQLs waiting for the router, in the order they became MQLs. Written in the transaction that made the MQL.
create table routing_queue (
    lead_id   uuid        primary key references lead (id),
    seq       bigserial   not null,
    queued_at timestamptz not null
);
create index routing_queue_order on routing_queue (seq);

-- Prospect activity reported by the marketing tools, once per external id.
create table engagement_activity (
    external_id text        primary key,
    lead_id     uuid        not null references lead (id),
    kind        text        not null,
    points      integer     not null,
    occurred_at timestamptz not null,
    recorded_at timestamptz not null,
    by_user     text        not null
);
create index engagement_activity_lead on engagement_activity (lead_id, occurred_at);
