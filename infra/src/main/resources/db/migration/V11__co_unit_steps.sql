-- How each co-unit's steps ended: its confirmation of its part (知悉), given or expired after the acknowledgement
-- date, and its contribution to a period's report when it ended without being given (the report accepted, the period
-- closed or the task closed). Given contributions stay in task_contribution.
create table task_co_unit_confirmation (
    task_id      varchar(255) not null,
    unit_id      varchar(255) not null,
    outcome      varchar(32)  not null,
    confirm_by   date,
    decided_by   varchar(255),
    decided_at   timestamp(6) with time zone,
    primary key (task_id, unit_id)
);

create table task_contribution_closed (
    task_id      varchar(255) not null,
    period_key   varchar(32)  not null,
    unit_id      varchar(255) not null,
    cause        varchar(32)  not null,
    closed_at    timestamp(6) with time zone,
    primary key (task_id, period_key, unit_id)
);
