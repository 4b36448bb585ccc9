-- Advisor read model: claims per client and policy, with where each one is.
CREATE TABLE claims (
    claim_id          TEXT    PRIMARY KEY,
    claim_number      TEXT    NOT NULL UNIQUE,
    policy_number     TEXT    NOT NULL,
    insured_id        TEXT    NOT NULL,
    cover_key         TEXT    NOT NULL,
    cause             TEXT    NOT NULL,
    event_date        DATE    NOT NULL,
    reported_on       DATE    NOT NULL,
    reporter          TEXT    NOT NULL,
    status            TEXT    NOT NULL,
    investigation_due DATE    NOT NULL,
    pending_documents INTEGER NOT NULL,
    amount_halere     BIGINT,
    decided_on        DATE,
    payout_due        DATE,
    destination       TEXT,
    paid_on           DATE,
    overdue           TEXT,   -- investigation | payout | investigation,payout
    version           INTEGER NOT NULL
);

CREATE INDEX claims_by_policy ON claims (policy_number, reported_on);
