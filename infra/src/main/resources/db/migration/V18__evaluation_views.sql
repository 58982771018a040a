-- The evaluation rounds (评估), kept by the evaluation projection from the round's events: the round with its phase,
-- scheme and deadlines; its items with their self-assessment, reconciled and calibrated scores; its units and
-- evaluators with their progress; each evaluator's score of each item; conflicts of interest; every calibration with
-- the score before and after; and, once published, each item's and unit's result and the facts as of the cut-off.
create table evaluation_round (
    round_id           varchar(255) not null,
    plan_id            varchar(255) not null,
    office             varchar(255),
    kind               varchar(16)  not null,
    title              varchar(500) not null,
    cut_off            date         not null,
    scope              ${long_text} not null,
    scheme             ${long_text} not null,
    self_assessment_due date        not null,
    scoring_due        date         not null,
    calibration_due    date         not null,
    publication_due    date         not null,
    blind              boolean      not null,
    phase              varchar(32)  not null,
    items              integer      not null,
    units              integer      not null,
    evaluators         integer      not null,
    cancel_reason      varchar(2000),
    opened_at          timestamp(6) with time zone not null,
    published_at       timestamp(6) with time zone,
    updated_at         timestamp(6) with time zone not null,
    primary key (round_id)
);
create index ix_evaluation_round_plan on evaluation_round (plan_id, opened_at);

-- one row per scored item, in the round's order (seq_no); the unit's self-assessment entry is kept on it
create table evaluation_item (
    round_id           varchar(255) not null,
    item_id            varchar(255) not null,
    seq_no             integer      not null,
    kind               varchar(16)  not null,
    unit_id            varchar(255) not null,
    unit_name          varchar(200) not null,
    label              varchar(10000) not null,
    section_id         varchar(255),
    self_score         numeric(5, 2),
    self_narrative     varchar(20000),
    self_evidence      ${long_text},
    divergent          boolean      not null,
    reconciled_score   numeric(5, 2),
    reconcile_reason   varchar(2000),
    calibrated_score   numeric(5, 2),
    primary key (round_id, item_id)
);
create index ix_evaluation_item_unit on evaluation_item (round_id, unit_id);

create table evaluation_unit (
    round_id           varchar(255) not null,
    unit_id            varchar(255) not null,
    seq_no             integer      not null,
    unit_name          varchar(200) not null,
    items              integer      not null,
    submitted          boolean      not null,
    late               boolean      not null,
    overdue            boolean      not null,
    reminders          integer      not null,
    submitted_at       timestamp(6) with time zone,
    primary key (round_id, unit_id)
);

create table evaluation_evaluator (
    round_id           varchar(255) not null,
    username           varchar(255) not null,
    seq_no             integer      not null,
    display_name       varchar(200) not null,
    kind               varchar(32)  not null,
    organisation       varchar(200) not null,
    completed          boolean      not null,
    overdue            boolean      not null,
    reminders          integer      not null,
    read_count         integer      not null,
    completed_at       timestamp(6) with time zone,
    primary key (round_id, username)
);
create index ix_evaluation_evaluator_user on evaluation_evaluator (username);

-- an evaluator's latest score of an item; criterion_scores is a JSON object of code → score (WEIGHTED), grade (GRADES)
create table evaluation_score (
    round_id           varchar(255) not null,
    item_id            varchar(255) not null,
    evaluator          varchar(255) not null,
    criterion_scores   varchar(4000),
    grade              varchar(16),
    total              numeric(5, 2) not null,
    score_comment      varchar(2000),
    scored_at          timestamp(6) with time zone not null,
    primary key (round_id, item_id, evaluator)
);

create table evaluation_conflict (
    round_id           varchar(255) not null,
    evaluator          varchar(255) not null,
    item_id            varchar(255) not null,
    reason             varchar(2000) not null,
    declared_at        timestamp(6) with time zone not null,
    primary key (round_id, evaluator, item_id)
);

-- id = the calibrating event's id, so a rebuild writes the same rows
create table evaluation_calibration (
    id                 varchar(255) not null,
    round_id           varchar(255) not null,
    item_id            varchar(255) not null,
    score_before       numeric(5, 2),
    score_after        numeric(5, 2) not null,
    reason             varchar(2000) not null,
    calibrated_by      varchar(255),
    calibrated_at      timestamp(6) with time zone not null,
    primary key (id)
);
create index ix_evaluation_calibration_item on evaluation_calibration (round_id, item_id);

-- what publication recorded: each item's result and facts, each unit's result
create table evaluation_item_result (
    round_id           varchar(255) not null,
    item_id            varchar(255) not null,
    seq_no             integer      not null,
    kind               varchar(16)  not null,
    unit_id            varchar(255) not null,
    score              numeric(5, 2),
    grade              varchar(16),
    self_score         numeric(5, 2),
    evaluator_scores   integer      not null,
    reconciled         boolean      not null,
    calibrated         boolean      not null,
    primary key (round_id, item_id)
);

create table evaluation_unit_result (
    round_id           varchar(255) not null,
    unit_id            varchar(255) not null,
    seq_no             integer      not null,
    unit_name          varchar(200) not null,
    score              numeric(5, 2),
    grade              varchar(16),
    unit_rank          integer      not null,
    scored_items       integer      not null,
    primary key (round_id, unit_id)
);

create table evaluation_item_fact (
    round_id           varchar(255) not null,
    item_id            varchar(255) not null,
    seq_no             integer      not null,
    kind               varchar(16)  not null,
    status             varchar(8),
    percent_complete   integer,
    reports_accepted   integer      not null,
    reports_overdue    integer      not null,
    latest_progress    varchar(20000),
    unit_of_measure    varchar(200),
    baseline           varchar(200),
    target             varchar(200),
    current_value      varchar(200),
    value_period       varchar(32),
    primary key (round_id, item_id)
);
