-- Evidence attachments (佐证材料): the uploaded file itself, kept in the row so it commits and backs up with the
-- reports that refer to it, outside the row's page; its size is bounded by duban.evidence.max-file-size.
create table evidence (
    evidence_id      varchar(64)  not null,
    file_name        varchar(255) not null,
    media_type       varchar(255) not null,
    size             bigint       not null,
    sha256           char(64)     not null,
    content          ${blob}      not null,
    uploaded_by      varchar(255) not null,
    uploaded_by_unit varchar(255),
    uploaded_at      timestamp(6) with time zone not null,
    primary key (evidence_id)
);
-- PDFs, images and Office/OFD zips are compressed already: PostgreSQL stores them out of line without another
-- compression pass (H2 has no such setting).
${postgresql_only}alter table evidence alter column content set storage external;
