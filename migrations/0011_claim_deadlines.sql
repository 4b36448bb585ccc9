-- The claim-deadline workflow's rows: per claim, the deadlines to watch on each business day.
CREATE TABLE claim_deadlines (
    aggregate_id      TEXT    PRIMARY KEY,
    claim_number      TEXT    NOT NULL,
    source            TEXT    NOT NULL,
    partition         INTEGER NOT NULL,
    version           INTEGER NOT NULL,
    stage             TEXT    NOT NULL,  -- investigation | payout | done
    due               DATE,
    overdue_noted     BOOLEAN NOT NULL
);

CREATE INDEX claim_deadlines_due ON claim_deadlines (source, partition, stage, due);
