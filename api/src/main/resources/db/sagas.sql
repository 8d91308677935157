-- Axon's JDBC saga store (the pool process, one per customer), in the event store's database so a
-- saga's state commits in the same transaction as the events it handled and the deadlines it set.
-- Column names of Axon's default SagaSchema.
CREATE TABLE IF NOT EXISTS SagaEntry (
    sagaId         VARCHAR(255) NOT NULL,
    revision       VARCHAR(255),
    sagaType       VARCHAR(255),
    serializedSaga BLOB,
    PRIMARY KEY (sagaId)
);

CREATE TABLE IF NOT EXISTS AssociationValueEntry (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    associationKey   VARCHAR(255),
    associationValue VARCHAR(255),
    sagaId           VARCHAR(255),
    sagaType         VARCHAR(255)
);

CREATE INDEX IF NOT EXISTS association_value_lookup ON AssociationValueEntry (sagaType, associationKey, associationValue);
