-- The audit trail replaces the task timeline: every event of every aggregate, with what it changed.
drop table task_timeline;

create table audit_event (
    event_id            varchar(255) not null,
    aggregate_type      varchar(255),
    aggregate_id        varchar(255) not null,
    sequence_number     bigint       not null,
    event_type          varchar(255) not null,
    occurred_at         timestamp(6) with time zone not null,
    actor_user          varchar(255),
    actor_unit          varchar(255),
    actor_role          varchar(64),
    reason              varchar(4000),
    process_instance_id varchar(255),
    user_task_id        varchar(255),
    correlation_id      varchar(255),
    plan_id             varchar(255),
    task_id             varchar(255),
    indicator_id        varchar(255),
    unit_ids            varchar(4000),
    changes             ${long_text},
    summary             varchar(4000),
    primary key (event_id)
);
create index ix_audit_event_aggregate on audit_event (aggregate_id, sequence_number);
create index ix_audit_event_time on audit_event (occurred_at);
create index ix_audit_event_plan on audit_event (plan_id, occurred_at);
create index ix_audit_event_task on audit_event (task_id, occurred_at);
create index ix_audit_event_actor on audit_event (actor_user, occurred_at);

-- the last value of each field, per aggregate and scope (a reporting period, an adjustment), to tell before → after
create table audit_field_state (
    aggregate_id varchar(255)  not null,
    scope        varchar(255)  not null,
    field        varchar(255)  not null,
    field_value  varchar(4000),
    primary key (aggregate_id, scope, field)
);

-- the plan each aggregate belongs to, for the events that do not name it
create table audit_aggregate (
    aggregate_id   varchar(255) not null,
    aggregate_type varchar(255),
    plan_id        varchar(255),
    primary key (aggregate_id)
);
