-- The handoff from marketing to sales: how long an MQL waited for its first assignment. lead.assigned carries
-- mqlAt on that assignment; the fact keeps the latest MQL cycle's handoff, as its time and its histogram bucket
-- (io.smarketing.goals.domain.HandoffTimes: about 5% wide, so percentiles of any window are read from summed
-- buckets, never from every lead).
alter table lead_fact add column handoff_at timestamptz, add column handoff_bucket integer;
create index lead_fact_handoff on lead_fact (handoff_at);

alter table view_rollup add column handoffs bigint not null default 0;

create table view_rollup_handoff (
    day         date    not null,
    campaign_id uuid    not null,
    bucket      integer not null,
    handoffs    bigint  not null,
    primary key (campaign_id, day, bucket)
);

-- lead_contribution as in V7, plus one 'handoffs' row per handoff (its bucket in the reason column).
create or replace view lead_contribution as
    select lead_id, coalesce(campaign_id, '00000000-0000-0000-0000-000000000000') as campaign_id, measure, reason, at, value
    from (
        select lead_id, campaign_id, 'leads' as measure, null as reason, created_at as at, 1::numeric as value
            from lead_fact where created_at is not null
        union all select lead_id, campaign_id, 'mqls', null, mql_at, 1 from lead_fact where mql_at is not null
        union all select lead_id, campaign_id, 'sqls', null, sql_at, 1 from lead_fact where sql_at is not null
        union all select lead_id, campaign_id, 'won', null, won_at, 1 from lead_fact where won_at is not null
        union all select lead_id, campaign_id, 'revenue', null, won_at, amount from lead_fact
            where won_at is not null and amount is not null
        union all select lead_id, campaign_id, 'lost', null, lost_at, 1 from lead_fact where lost_at is not null
        union all select lead_id, campaign_id, 'rejected', rejection_reason, rejected_at, 1 from lead_fact
            where rejected_at is not null
        union all select lead_id, campaign_id, 'sla_assigned', null, assigned_at, 1 from lead_fact
            where assigned_at is not null
        union all select lead_id, campaign_id, 'sla_met', null, responded_at, 1 from lead_fact
            where within_sla and responded_at is not null
        -- breached: when the breach was recorded, or else when a late response came
        union all select lead_id, campaign_id, 'sla_breached', null, sla_breached_at, 1 from lead_fact
            where sla_breached_at is not null
        union all select lead_id, campaign_id, 'sla_breached', null, responded_at, 1 from lead_fact
            where sla_breached_at is null and within_sla = false and responded_at is not null
        union all select lead_id, campaign_id, 'handoffs', handoff_bucket::text, handoff_at, 1 from lead_fact
            where handoff_at is not null and handoff_bucket is not null
    ) numbers;
