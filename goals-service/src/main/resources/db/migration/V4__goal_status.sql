-- The status a goal was last announced with lives apart from the goal itself: evaluation writes it
-- on a timer, and a client's optimistic version of the goal must change only when a client changes it.
create table goal_status (
    goal_id     uuid primary key references goal (id) on delete cascade,
    status      text        not null,
    observed_at timestamptz not null
);

insert into goal_status (goal_id, status, observed_at)
select id, last_status, updated_at from goal where last_status is not null;

alter table goal drop column last_status;
