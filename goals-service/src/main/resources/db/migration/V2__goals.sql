create table goal (
    id               uuid primary key,
    name             text           not null,
    metric           text           not null,
    target           numeric(19, 2) not null,
    period_start     date           not null,
    period_end       date           not null,
    sales_owners     text[]         not null,
    marketing_owners text[]         not null,
    campaign_id      uuid,
    last_status      text,
    created_by       text           not null,
    created_at       timestamptz    not null,
    updated_at       timestamptz    not null,
    version          bigint         not null default 0
);
