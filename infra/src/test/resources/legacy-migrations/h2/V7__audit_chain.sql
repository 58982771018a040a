-- The tamper-evident chain over domain_event_entry (docs/AUDIT.md). One link per stored event, in commit order:
-- position 1, 2, 3, ... without gaps; hash = H(prev_hash, the event row's fields), H named per link.
-- No foreign key to domain_event_entry on purpose: a deleted event must leave its link behind as evidence.
create table audit_chain_link (
    position         bigint       not null,
    global_index     bigint       not null,
    event_identifier varchar(255) not null,
    algorithm        varchar(16)  not null,
    prev_hash        varbinary(64) not null,
    hash             varbinary(64) not null,
    primary key (position),
    constraint uk_audit_chain_link_global_index unique (global_index),
    constraint uk_audit_chain_link_event unique (event_identifier)
);

-- The one row every committing transaction locks to extend the chain; it names the last link. backfill_to is the
-- last global index stored before this migration: those events are linked once, at the next start.
create table audit_chain_head (
    id           integer      not null,
    position     bigint       not null,
    global_index bigint,
    hash         varbinary(64) not null,
    algorithm    varchar(16),
    updated_at   timestamp(6) with time zone not null,
    backfill_to  bigint,
    primary key (id),
    constraint ck_audit_chain_head_one_row check (id = 1)
);

insert into audit_chain_head (id, position, global_index, hash, algorithm, updated_at, backfill_to)
select 1, 0, null, X'0000000000000000000000000000000000000000000000000000000000000000', null, current_timestamp, max(global_index) from domain_event_entry;
