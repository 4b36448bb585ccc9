-- The last business day each clock-driven workflow acted on, per partition of its topic:
-- a re-delivered tick is recognised.
CREATE TABLE workflow_days (
    workflow      TEXT    NOT NULL,
    source        TEXT    NOT NULL,
    partition     INTEGER NOT NULL,
    business_date DATE    NOT NULL,
    PRIMARY KEY (workflow, source, partition)
);

-- The collections workflow's agenda: per policy, what it needs to pick the policies that need
-- attention on a business day (an instalment to bill, premium in arrears, a dunning process open).
-- ``source``/``partition``: where the policy's events arrive; a tick on that partition acts on them.
CREATE TABLE collections_agenda (
    aggregate_id  TEXT    PRIMARY KEY,
    policy_number TEXT    NOT NULL,
    source        TEXT    NOT NULL,
    partition     INTEGER NOT NULL,
    version       INTEGER NOT NULL,
    end_date      DATE,
    next_due_on   DATE    NOT NULL,
    billed_to     DATE,
    paid_to       DATE,
    dunning       BOOLEAN NOT NULL,
    -- premium in arrears is dunned: false once the policy ended or was reduced
    watch_arrears BOOLEAN NOT NULL
);

CREATE INDEX collections_agenda_by_partition ON collections_agenda (source, partition, next_due_on);
