-- The H2 layout of ledger versions before SQLite (issue 11), kept only so that H2Migration can bring
-- an old H2 data directory up to its last layout before copying it. Not run on a SQLite store.
-- Persisted Axon deadlines (db-scheduler's table), in the event store's database: a public-pool
-- reminder or release survives restarts and fires exactly once across instances.
CREATE TABLE IF NOT EXISTS scheduled_tasks (
    task_name            VARCHAR(100)             NOT NULL,
    task_instance        VARCHAR(100)             NOT NULL,
    task_data            BLOB,
    execution_time       TIMESTAMP WITH TIME ZONE NOT NULL,
    picked               BOOLEAN                  NOT NULL,
    picked_by            VARCHAR(50),
    last_success         TIMESTAMP WITH TIME ZONE,
    last_failure         TIMESTAMP WITH TIME ZONE,
    consecutive_failures INT,
    last_heartbeat       TIMESTAMP WITH TIME ZONE,
    version              BIGINT                   NOT NULL,
    priority             SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX IF NOT EXISTS scheduled_tasks_execution_time ON scheduled_tasks (execution_time);
