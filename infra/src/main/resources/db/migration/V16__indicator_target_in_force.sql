-- The target in force of each indicator whose target was adjusted (动态调整), kept by the status projection for the
-- dashboards' trajectories; an indicator without a row here still has the target the plan gave it (plan_indicator).
create table indicator_target (
    indicator_id   varchar(255) not null,
    plan_id        varchar(255) not null,
    target_year    integer,
    target_kind    varchar(32),
    target_low     numeric(20, 4),
    target_high    numeric(20, 4),
    target_percent boolean      not null,
    target_written varchar(255),
    adjusted_at    timestamp(6) with time zone not null,
    primary key (indicator_id)
);
