-- Evidence attachments (佐证材料): the uploaded file itself, kept in the row so it commits and backs up with the
-- reports that refer to it. bytea, never an oid large object, which would live outside the row in pg_largeobject.
create table evidence (
    evidence_id      varchar(64)  not null,
    file_name        varchar(255) not null,
    media_type       varchar(255) not null,
    size             bigint       not null,
    sha256           char(64)     not null,
    content          bytea        not null,
    uploaded_by      varchar(255) not null,
    uploaded_by_unit varchar(255),
    uploaded_at      timestamptz  not null,
    primary key (evidence_id)
);
-- PDFs, images and Office/OFD zips are compressed already: store them out of line without another compression pass.
alter table evidence alter column content set storage external;
