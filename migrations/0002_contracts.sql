-- Advisor read model: the contract list and detail (amounts in haléře).
CREATE TABLE contracts (
    policy_id         TEXT    PRIMARY KEY,
    policy_number     TEXT    NOT NULL UNIQUE,
    product_code      TEXT    NOT NULL,
    policyholder_name TEXT    NOT NULL,
    advisor_id        TEXT    NOT NULL,
    status            TEXT    NOT NULL,
    frequency         TEXT    NOT NULL,
    premium_halere    BIGINT  NOT NULL,
    start_date        DATE    NOT NULL,
    paid_to           DATE,
    credit_halere     BIGINT  NOT NULL,
    total_paid_halere BIGINT  NOT NULL,
    payments_count    INTEGER NOT NULL,
    version           INTEGER NOT NULL,
    updated_at        TEXT    NOT NULL
);

CREATE INDEX contracts_by_advisor ON contracts (advisor_id, policy_number);

CREATE TABLE contract_payments (
    policy_id     TEXT   NOT NULL,
    payment_id    TEXT   NOT NULL,
    amount_halere BIGINT NOT NULL,
    received_on   DATE   NOT NULL,
    paid_to       DATE,
    PRIMARY KEY (policy_id, payment_id)
);
