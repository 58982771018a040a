-- Several application nodes on one database (docs/DEPLOYMENT.md).
-- The last due moment each scheduled job was run for, and by which node: a node whose clock fires later finds the
-- moment taken and skips it (the run itself is kept to one node at a time by a PostgreSQL advisory lock).
CREATE TABLE node_job_run (
    job         VARCHAR(100)                NOT NULL PRIMARY KEY,
    due_at      TIMESTAMP(6) WITH TIME ZONE,
    node        VARCHAR(255)                NOT NULL,
    started_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    finished_at TIMESTAMP(6) WITH TIME ZONE
);

-- The projections a rebuild has suspended, on whichever node it runs: every node skips their live events until the
-- rebuild's catch-up commits (RebuildGate). Written and removed only under the gate's exclusive lock.
CREATE TABLE projection_suspension (
    processor VARCHAR(255)                NOT NULL PRIMARY KEY,
    node      VARCHAR(255)                NOT NULL,
    run_id    VARCHAR(36)                 NOT NULL,
    since     TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
