-- The replica applies each campaign event by its time, so a replayed or late older event cannot undo a newer
-- one: the times of the description and of the status are kept apart.
alter table campaign_replica add column described_at timestamptz, add column status_at timestamptz;
update campaign_replica
   set described_at = case when name is not null then updated_at end,
       status_at    = case when status <> 'DRAFT' then updated_at end;
