-- The supervision views. supervision_case is kept by the case projection: one row per supervision case (督办) with its
-- grade, stage and dates. The status tables are kept by the status projection: each task's and indicator's current
-- on-schedule status (红黄绿) with the rule and figures that decided it, every change of status, and every indicator
-- value reported per period with its corrections.
create table supervision_case (
    case_id      varchar(255) not null,
    plan_id      varchar(255) not null,
    office       varchar(255),
    task_id      varchar(255),
    period_key   varchar(32),
    indicator_id varchar(255),
    unit_id      varchar(255) not null,
    unit_name    varchar(200) not null,
    grade        varchar(16)  not null,
    case_trigger varchar(32)  not null,
    stage        varchar(32)  not null,
    reason       varchar(2000),
    answer_by    date,
    deadline     date,
    issued_at    timestamp(6) with time zone not null,
    escalated_at timestamp(6) with time zone,
    closed_at    timestamp(6) with time zone,
    updated_at   timestamp(6) with time zone not null,
    primary key (case_id)
);
create index ix_supervision_case_plan on supervision_case (plan_id, stage);
create index ix_supervision_case_unit on supervision_case (unit_id, stage);
create index ix_supervision_case_task on supervision_case (task_id);

create table task_status (
    task_id      varchar(255) not null,
    plan_id      varchar(255) not null,
    lead_unit_id varchar(255),
    status       varchar(8)   not null,
    rule         varchar(100) not null,
    figures      varchar(4000),
    as_of        date         not null,
    since        timestamp(6) with time zone not null,
    primary key (task_id)
);
create index ix_task_status_plan on task_status (plan_id);

create table indicator_status (
    indicator_id varchar(255) not null,
    plan_id      varchar(255) not null,
    status       varchar(8)   not null,
    rule         varchar(100) not null,
    figures      varchar(4000),
    as_of        date         not null,
    since        timestamp(6) with time zone not null,
    primary key (indicator_id)
);
create index ix_indicator_status_plan on indicator_status (plan_id);

-- every change, for "red for two periods", trajectories and the ledger; id = the event's id
create table status_change (
    id           varchar(255) not null,
    plan_id      varchar(255) not null,
    task_id      varchar(255),
    indicator_id varchar(255),
    from_status  varchar(8),
    to_status    varchar(8)   not null,
    rule         varchar(100) not null,
    figures      varchar(4000),
    as_of        date         not null,
    changed_at   timestamp(6) with time zone not null,
    primary key (id)
);
create index ix_status_change_plan on status_change (plan_id, changed_at);

-- every value given for a period; the one in force is the highest version
create table indicator_value (
    indicator_id varchar(255) not null,
    period_key   varchar(32)  not null,
    version      integer      not null,
    plan_id      varchar(255) not null,
    numeric_value numeric(20, 4),
    as_written   varchar(200) not null,
    source       varchar(16)  not null,
    task_id      varchar(255),
    evidence     varchar(100000),
    reason       varchar(2000),
    recorded_by  varchar(255),
    recorded_at  timestamp(6) with time zone not null,
    primary key (indicator_id, period_key, version)
);
create index ix_indicator_value_plan on indicator_value (plan_id);
