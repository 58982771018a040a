-- Third-party evaluators' accounts (docs/EVALUATION-access.md): made by a supervisor for one evaluator appointed to
-- one round, usable only on that round and only while it is open. Not a view: no rebuild touches it, and only the
-- password's hash is kept (the password itself is shown once, to the supervisor who issued it).
create table evaluator_account (
    username       varchar(255)  not null,
    round_id       varchar(255)  not null,
    password_hash  varchar(500)  not null,
    display_name   varchar(200)  not null,
    organisation   varchar(200)  not null,
    issued_by      varchar(255)  not null,
    issued_at      timestamp(6) with time zone not null,
    primary key (username)
);
create index ix_evaluator_account_round on evaluator_account (round_id);
