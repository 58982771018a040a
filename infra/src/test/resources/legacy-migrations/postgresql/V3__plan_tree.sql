-- Projections: plan metadata, the plan tree (sections, tasks, indicators), import records, the unit registry.
alter table plan_summary add column issue_date date;
alter table plan_summary add column parent_plan_id varchar(255);

create table plan_section (
    section_id        varchar(255) not null,
    plan_id           varchar(255) not null,
    parent_section_id varchar(255),
    level             integer      not null,
    code              varchar(255),
    title             varchar(255),
    position          integer      not null,
    primary key (section_id)
);
create index ix_plan_section_plan on plan_section (plan_id);

create table plan_task (
    task_id        varchar(255)  not null,
    plan_id        varchar(255)  not null,
    section_id     varchar(255),
    number         integer       not null,
    text           varchar(4000),
    lead_unit_id   varchar(255),
    lead_unit_name varchar(255),
    due_date       date,
    remark         varchar(2000),
    primary key (task_id)
);
create index ix_plan_task_plan on plan_task (plan_id);
create index ix_plan_task_lead on plan_task (lead_unit_id);

create table plan_task_co_unit (
    task_id   varchar(255) not null,
    position  integer      not null,
    unit_id   varchar(255),
    unit_name varchar(255),
    primary key (task_id, position)
);
create index ix_plan_task_co_unit on plan_task_co_unit (unit_id);

create table plan_indicator (
    indicator_id     varchar(255) not null,
    plan_id          varchar(255) not null,
    number           integer      not null,
    name             varchar(255),
    unit_of_measure  varchar(255),
    baseline_year    integer,
    baseline_value   numeric(20, 4),
    baseline_written varchar(255),
    target_year      integer,
    target_kind      varchar(32),
    target_low       numeric(20, 4),
    target_high      numeric(20, 4),
    target_percent   boolean      not null,
    target_written   varchar(255),
    attribute        varchar(32),
    direction        varchar(32),
    remark           varchar(2000),
    primary key (indicator_id)
);
create index ix_plan_indicator_plan on plan_indicator (plan_id);

create table plan_indicator_unit (
    indicator_id varchar(255) not null,
    position     integer      not null,
    unit_id      varchar(255),
    unit_name    varchar(255),
    primary key (indicator_id, position)
);

create table plan_import (
    import_id       varchar(255) not null,
    plan_id         varchar(255) not null,
    file_name       varchar(255),
    file_size       bigint       not null,
    sha256          varchar(64),
    format          varchar(16),
    level1_sections integer      not null,
    level2_sections integer      not null,
    level3_sections integer      not null,
    tasks           integer      not null,
    indicators      integer      not null,
    unit_names      integer      not null,
    new_units       integer      not null,
    warnings        integer      not null,
    imported_by     varchar(255),
    imported_at     timestamptz,
    primary key (import_id)
);

create table unit_registry (
    unit_id      varchar(255) not null,
    name         varchar(255) not null,
    collective   boolean      not null,
    jurisdiction varchar(255),
    primary key (unit_id)
);

create table unit_alias (
    unit_id  varchar(255) not null,
    position integer      not null,
    alias    varchar(255),
    primary key (unit_id, position)
);
