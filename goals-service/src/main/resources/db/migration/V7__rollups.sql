-- Rollups: the view's numbers per UTC day and campaign, kept in the transaction that writes the facts, so a
-- window reads its whole days here and only its partial first and last day from the facts.

-- What each fact adds to the view's numbers, one row per number: the one definition the rollups are
-- maintained with (the contribution of a batch's rows after it, less before it), partial days are read
-- with, and the backfill below uses. Each branch times its row by a plain column, so a time range on `at`
-- reaches that column's index. No campaign is the nil UUID.
create view lead_contribution as
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
    ) numbers;

create view touch_contribution as
    select touch_id, coalesce(campaign_id, '00000000-0000-0000-0000-000000000000') as campaign_id,
           'conflicts' as measure, null as reason, occurred_at as at, 1::numeric as value
    from touch_fact where conflict is not null;

-- Only sales rates lead quality: the average is quality_sum / quality_count.
create view feedback_contribution as
    select round_id, author, campaign_id, 'quality_sum' as measure, null as reason, occurred_at as at,
           lead_quality::numeric as value
        from feedback_entry_fact where team = 'SALES' and lead_quality is not null
    union all
    select round_id, author, campaign_id, 'quality_count', null, occurred_at, 1
        from feedback_entry_fact where team = 'SALES' and lead_quality is not null;

create view csat_contribution as
    select csat_id, coalesce(campaign_id, '00000000-0000-0000-0000-000000000000') as campaign_id,
           'csat_sum' as measure, null as reason, occurred_at as at, score::numeric as value from csat_fact
    union all
    select csat_id, coalesce(campaign_id, '00000000-0000-0000-0000-000000000000'), 'csat_count', null, occurred_at, 1
        from csat_fact;

create view spend_contribution as
    select event_id, campaign_id, 'spend' as measure, null as reason, occurred_at as at, amount as value
    from spend_fact;

create view fact_contribution as
    select campaign_id, measure, reason, at, value from lead_contribution
    union all select campaign_id, measure, reason, at, value from touch_contribution
    union all select campaign_id, measure, reason, at, value from feedback_contribution
    union all select campaign_id, measure, reason, at, value from csat_contribution
    union all select campaign_id, measure, reason, at, value from spend_contribution;

-- Partial days read the facts by each time column.
create index lead_fact_mql on lead_fact (mql_at);
create index lead_fact_sql on lead_fact (sql_at);
create index lead_fact_lost on lead_fact (lost_at);
create index lead_fact_rejected on lead_fact (rejected_at);
create index lead_fact_assigned on lead_fact (assigned_at);
create index lead_fact_responded on lead_fact (responded_at);
create index lead_fact_sla_breached on lead_fact (sla_breached_at);
create index feedback_entry_fact_time on feedback_entry_fact (occurred_at);
create index csat_fact_time on csat_fact (occurred_at);
create index spend_fact_time on spend_fact (occurred_at);

-- Per day and campaign (no campaign is the nil UUID), and per day over all campaigns under the key
-- ffffffff-ffff-ffff-ffff-ffffffffffff, so that a read of every campaign takes one row per day.
-- The columns are the measures of fact_contribution (and of io.smarketing.goals.persistence.Measure).
create table view_rollup (
    day           date    not null,
    campaign_id   uuid    not null,
    leads         bigint  not null default 0,
    mqls          bigint  not null default 0,
    sqls          bigint  not null default 0,
    won           bigint  not null default 0,
    lost          bigint  not null default 0,
    rejected      bigint  not null default 0,
    revenue       numeric not null default 0,
    sla_assigned  bigint  not null default 0,
    sla_met       bigint  not null default 0,
    sla_breached  bigint  not null default 0,
    conflicts     bigint  not null default 0,
    quality_sum   bigint  not null default 0,
    quality_count bigint  not null default 0,
    csat_sum      bigint  not null default 0,
    csat_count    bigint  not null default 0,
    spend         numeric not null default 0,
    primary key (campaign_id, day) -- a read takes one campaign's (or the all-campaigns) days
);

create table view_rollup_reason (
    day         date   not null,
    campaign_id uuid   not null,
    reason      text   not null,
    rejected    bigint not null,
    primary key (campaign_id, day, reason)
);

-- The facts projected before this migration.
insert into view_rollup (day, campaign_id, leads, mqls, sqls, won, lost, rejected, revenue, sla_assigned, sla_met,
                         sla_breached, conflicts, quality_sum, quality_count, csat_sum, csat_count, spend)
select (at at time zone 'UTC')::date, campaign_id,
       coalesce(sum(value) filter (where measure = 'leads'), 0),
       coalesce(sum(value) filter (where measure = 'mqls'), 0),
       coalesce(sum(value) filter (where measure = 'sqls'), 0),
       coalesce(sum(value) filter (where measure = 'won'), 0),
       coalesce(sum(value) filter (where measure = 'lost'), 0),
       coalesce(sum(value) filter (where measure = 'rejected'), 0),
       coalesce(sum(value) filter (where measure = 'revenue'), 0),
       coalesce(sum(value) filter (where measure = 'sla_assigned'), 0),
       coalesce(sum(value) filter (where measure = 'sla_met'), 0),
       coalesce(sum(value) filter (where measure = 'sla_breached'), 0),
       coalesce(sum(value) filter (where measure = 'conflicts'), 0),
       coalesce(sum(value) filter (where measure = 'quality_sum'), 0),
       coalesce(sum(value) filter (where measure = 'quality_count'), 0),
       coalesce(sum(value) filter (where measure = 'csat_sum'), 0),
       coalesce(sum(value) filter (where measure = 'csat_count'), 0),
       coalesce(sum(value) filter (where measure = 'spend'), 0)
from fact_contribution group by 1, 2;

insert into view_rollup_reason (day, campaign_id, reason, rejected)
select (at at time zone 'UTC')::date, campaign_id, reason, sum(value)
from fact_contribution where measure = 'rejected' and reason is not null group by 1, 2, 3;

insert into view_rollup (day, campaign_id, leads, mqls, sqls, won, lost, rejected, revenue, sla_assigned, sla_met,
                         sla_breached, conflicts, quality_sum, quality_count, csat_sum, csat_count, spend)
select day, 'ffffffff-ffff-ffff-ffff-ffffffffffff', sum(leads), sum(mqls), sum(sqls), sum(won), sum(lost),
       sum(rejected), sum(revenue), sum(sla_assigned), sum(sla_met), sum(sla_breached), sum(conflicts),
       sum(quality_sum), sum(quality_count), sum(csat_sum), sum(csat_count), sum(spend)
from view_rollup group by day;

insert into view_rollup_reason (day, campaign_id, reason, rejected)
select day, 'ffffffff-ffff-ffff-ffff-ffffffffffff', reason, sum(rejected) from view_rollup_reason group by day, reason;
