-- Every bank-statement line the payment matching consumer has seen, once (the line id is the bank's),
-- with its outcome: recorded on a policy, or parked for back office with the reason.
CREATE TABLE bank_statement_lines (
    line_id        TEXT    PRIMARY KEY,
    statement_id   TEXT    NOT NULL,
    booked_on      DATE    NOT NULL,
    amount_halere  BIGINT  NOT NULL,
    currency       TEXT    NOT NULL,
    reference      TEXT,
    counterparty   TEXT,
    outcome        TEXT    NOT NULL,  -- recorded | parked
    policy_number  TEXT,
    reason         TEXT,              -- why parked: a rule slug
    detail         TEXT
);

CREATE INDEX bank_statement_lines_parked ON bank_statement_lines (outcome, booked_on);
CREATE INDEX bank_statement_lines_by_policy ON bank_statement_lines (policy_number);
