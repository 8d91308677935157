-- Axon's JDBC event store on SQLite, in the column names of Axon's default EventSchema. The global
-- index is an INTEGER PRIMARY KEY AUTOINCREMENT: SQLite has one writer at a time, so positions are
-- handed out in commit order and never reused. A store migrated from H2 keeps H2's positions, holes
-- of rolled-back appends included (see H2Migration).
CREATE TABLE IF NOT EXISTS DomainEventEntry (
    globalIndex         INTEGER PRIMARY KEY AUTOINCREMENT,
    aggregateIdentifier VARCHAR(255) NOT NULL,
    sequenceNumber      BIGINT       NOT NULL,
    type                VARCHAR(255),
    eventIdentifier     VARCHAR(255) NOT NULL,
    metaData            BLOB,
    payload             BLOB         NOT NULL,
    payloadRevision     VARCHAR(255),
    payloadType         VARCHAR(255) NOT NULL,
    timeStamp           VARCHAR(255) NOT NULL,
    UNIQUE (aggregateIdentifier, sequenceNumber),
    UNIQUE (eventIdentifier)
);

CREATE TABLE IF NOT EXISTS SnapshotEventEntry (
    aggregateIdentifier VARCHAR(255) NOT NULL,
    sequenceNumber      BIGINT       NOT NULL,
    type                VARCHAR(255) NOT NULL,
    eventIdentifier     VARCHAR(255) NOT NULL,
    metaData            BLOB,
    payload             BLOB         NOT NULL,
    payloadRevision     VARCHAR(255),
    payloadType         VARCHAR(255) NOT NULL,
    timeStamp           VARCHAR(255) NOT NULL,
    PRIMARY KEY (aggregateIdentifier, sequenceNumber),
    UNIQUE (eventIdentifier)
);
