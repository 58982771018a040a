-- Projection: the plan list.
create table plan_summary (
    plan_id         varchar(255) not null,
    title           varchar(255),
    document_number varchar(255),
    issuer          varchar(255),
    start_year      integer      not null,
    end_year        integer      not null,
    status          varchar(32)  not null,
    created_by      varchar(255),
    created_by_unit varchar(255),
    created_at      timestamp(6) with time zone,
    updated_at      timestamp(6) with time zone,
    primary key (plan_id)
);
