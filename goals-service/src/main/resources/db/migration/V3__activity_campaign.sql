-- The campaign an activity belongs to, so the dashboard can show its name (known now or later).
alter table activity add column campaign_id uuid;
