-- Advisor read model: every intervention, open or closed ("Poradce v aplikaci vidí všechny
-- intervence, nikoliv pouze nevyřízené"), filtered by advisor, state, type, policy and due date.
CREATE TABLE interventions (
    intervention_id   TEXT    PRIMARY KEY,
    intervention_type TEXT    NOT NULL,
    policy_number     TEXT    NOT NULL,
    client_name       TEXT    NOT NULL,
    advisor_id        TEXT    NOT NULL,
    description       TEXT    NOT NULL,
    cause_reference   TEXT    NOT NULL,
    due_date          DATE    NOT NULL,
    state             TEXT    NOT NULL,
    raised_on         DATE    NOT NULL,
    taken_by          TEXT,
    taken_on          DATE,
    closed_on         DATE,
    resolution        TEXT,
    notes_count       INTEGER NOT NULL,
    version           INTEGER NOT NULL
);

CREATE INDEX interventions_by_advisor ON interventions (advisor_id, due_date);
CREATE INDEX interventions_by_state ON interventions (state, due_date);
CREATE INDEX interventions_by_policy ON interventions (policy_number, due_date);
