-- A query node builds its views from the event topic. The next offset to read per topic partition and the ids of
-- the events already applied are written in the same transaction as the views, so a crash never loses or doubles one.
CREATE TABLE query_node_offset (
    topic        VARCHAR(249) NOT NULL,
    partition_no INTEGER      NOT NULL,
    next_offset  BIGINT       NOT NULL,
    PRIMARY KEY (topic, partition_no)
);

CREATE TABLE query_node_applied_event (
    event_id   VARCHAR(255) NOT NULL PRIMARY KEY,
    topic        VARCHAR(249) NOT NULL,
    partition_no INTEGER      NOT NULL,
    record_offset BIGINT      NOT NULL,
    applied_at TIMESTAMP    NOT NULL
);
