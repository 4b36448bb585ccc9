-- Positions of the processes that follow a log, stored beside what they change.
CREATE TABLE projection_offsets (
    consumer    TEXT    NOT NULL,
    topic       TEXT    NOT NULL,
    partition   INTEGER NOT NULL,
    next_offset BIGINT  NOT NULL,
    PRIMARY KEY (consumer, topic, partition)
);

CREATE TABLE relay_positions (
    relay                TEXT   PRIMARY KEY,
    last_notification_id BIGINT NOT NULL
);

-- Embedded mode has no dead-letter topic: rejected events are kept here instead.
CREATE TABLE dead_letters (
    consumer    TEXT NOT NULL,
    source      TEXT NOT NULL,
    position    BIGINT NOT NULL,
    error       TEXT NOT NULL,
    payload     TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    PRIMARY KEY (consumer, source, position)
);
