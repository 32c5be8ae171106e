-- Every lead that came from a campaign, with its latest stage: the ground truth of campaign performance.
create table campaign_lead (
    lead_id     uuid primary key,
    campaign_id uuid        not null,
    stage       text        not null,
    updated_at  timestamptz not null
);
create index campaign_lead_campaign on campaign_lead (campaign_id);
