-- PostgreSQL variant of db/deadlines.sql: db-scheduler's table in the command side's shared database, in
-- db-scheduler's own PostgreSQL layout (bytea, timestamps with time zone). db-scheduler picks a due
-- execution with an optimistic lock on its row (version), so a deadline fires on one instance only.
CREATE TABLE IF NOT EXISTS scheduled_tasks (
    task_name            VARCHAR(100)             NOT NULL,
    task_instance        VARCHAR(100)             NOT NULL,
    task_data            BYTEA,
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
CREATE INDEX IF NOT EXISTS scheduled_tasks_last_heartbeat ON scheduled_tasks (last_heartbeat);
