-- The proposal export workflow's rows: the proposals sent and not yet exported, per partition.
CREATE TABLE proposal_exports (
    aggregate_id    TEXT    PRIMARY KEY,
    proposal_number TEXT    NOT NULL,
    source          TEXT    NOT NULL,
    partition       INTEGER NOT NULL,
    version         INTEGER NOT NULL,
    sent_at         TEXT,
    waiting         BOOLEAN NOT NULL
);

CREATE INDEX proposal_exports_waiting ON proposal_exports (source, partition, waiting);
