-- Dynamic adjustment (动态调整), versioned: adjustment_subject keeps each task's and indicator's original text, due
-- date, units or target (and the units in force, which TaskUnitsChanged does not repeat); adjustment_record keeps every
-- adjustment of either, asked for before acknowledging or during execution, with the value before and after, who asked
-- and decided, when and why, and from when an approved value is in force.
create table adjustment_subject (
    subject_id        varchar(255) not null,
    subject           varchar(16)  not null,
    plan_id           varchar(255) not null,
    original_text     varchar(10000),
    original_due_date date,
    original_units    varchar(2000),
    current_units     varchar(2000),
    original_target   varchar(200),
    primary key (subject_id)
);
create index ix_adjustment_subject_plan on adjustment_subject (plan_id);

create table adjustment_record (
    adjustment_id     varchar(255) not null,
    subject           varchar(16)  not null,
    subject_id        varchar(255) not null,
    plan_id           varchar(255) not null,
    kind              varchar(16)  not null,
    proposal          varchar(2000) not null,
    previous_value    varchar(10000),
    adjusted_value    varchar(10000),
    reason            varchar(2000),
    requested_by      varchar(255),
    requested_unit    varchar(255),
    requested_at      timestamp(6) with time zone not null,
    outcome           varchar(16),
    decision_reason   varchar(2000),
    approval_document varchar(200),
    decided_by        varchar(255),
    decided_at        timestamp(6) with time zone,
    in_force_from     timestamp(6) with time zone,
    primary key (adjustment_id)
);
create index ix_adjustment_record_subject on adjustment_record (subject_id, requested_at);
create index ix_adjustment_record_plan on adjustment_record (plan_id, requested_at);
