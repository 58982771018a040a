-- Projections of the workflows: task status, period reports with their rounds, contributions, adjustments,
-- each task's timeline; the supervising unit of a published plan.
alter table plan_summary add column supervising_unit varchar(255);

create table task_work (
    task_id          varchar(255) not null,
    plan_id          varchar(255) not null,
    status           varchar(32)  not null,
    acknowledge_by   date,
    acknowledged_at  timestamptz,
    closed_reason    varchar(2000),
    primary key (task_id)
);
create index ix_task_work_plan on task_work (plan_id);

create table task_adjustment (
    adjustment_id    varchar(255) not null,
    task_id          varchar(255) not null,
    kind             varchar(32)  not null,
    proposal         varchar(4000),
    reason           varchar(4000),
    requested_by     varchar(255),
    requested_at     timestamptz,
    outcome          varchar(32),
    decision_reason  varchar(4000),
    decided_by       varchar(255),
    decided_at       timestamptz,
    primary key (adjustment_id)
);
create index ix_task_adjustment_task on task_adjustment (task_id);

create table task_report (
    task_id          varchar(255) not null,
    period_key       varchar(32)  not null,
    plan_id          varchar(255) not null,
    period_start     date         not null,
    period_end       date         not null,
    due_on           date         not null,
    overdue_on       date         not null,
    status           varchar(32)  not null,
    round            integer      not null,
    overdue          boolean      not null,
    escalated        boolean      not null,
    reminders        integer      not null,
    draft            varchar(100000),
    updated_at       timestamptz,
    primary key (task_id, period_key)
);
create index ix_task_report_plan on task_report (plan_id);

create table task_report_round (
    id               varchar(255) not null,
    task_id          varchar(255) not null,
    period_key       varchar(32)  not null,
    round            integer      not null,
    content          varchar(100000),
    submitted_by     varchar(255),
    submitted_at     timestamptz,
    outcome          varchar(32),
    reason           varchar(4000),
    decided_by       varchar(255),
    decided_at       timestamptz,
    primary key (id)
);
create index ix_task_report_round_task on task_report_round (task_id, period_key);

create table task_contribution (
    id               varchar(255) not null,
    task_id          varchar(255) not null,
    period_key       varchar(32)  not null,
    unit_id          varchar(255) not null,
    text             varchar(20000),
    evidence         varchar(20000),
    submitted_by     varchar(255),
    submitted_at     timestamptz,
    primary key (id)
);
create index ix_task_contribution_task on task_contribution (task_id, period_key);

create table task_timeline (
    event_id            varchar(255) not null,
    task_id             varchar(255) not null,
    sequence_number     bigint       not null,
    event_type          varchar(255) not null,
    occurred_at         timestamptz          not null,
    actor_user          varchar(255),
    actor_unit          varchar(255),
    actor_role          varchar(64),
    reason              varchar(4000),
    process_instance_id varchar(255),
    user_task_id        varchar(255),
    summary             varchar(4000),
    primary key (event_id)
);
create index ix_task_timeline_task on task_timeline (task_id, sequence_number);

create table plan_cadence (
    plan_id            varchar(255) not null,
    cadence            varchar(32)  not null,
    due_day            integer      not null,
    grace_working_days integer      not null,
    primary key (plan_id)
);
