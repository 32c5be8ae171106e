-- feedback-service now remembers every lead its lead events name, with or without a source campaign:
-- CSAT is recorded only for a lead that exists, and takes the lead's campaign.
alter table lead_campaign alter column campaign_id drop not null;

-- One CSAT per lead and survey. Earlier repeats keep their rows, each under a survey of its own.
alter table csat_record add column survey text not null default 'handling';
update csat_record c set survey = 'earlier-' || c.id
 where exists (select 1 from csat_record o
                where o.lead_id = c.lead_id and (o.recorded_at, o.id::text) < (c.recorded_at, c.id::text));
create unique index csat_record_lead_survey on csat_record (lead_id, survey);
