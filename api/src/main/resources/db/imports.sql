-- customer imports (issue 14): one row per import job and one per problem it reported; see ImportJobs.
-- A job's progress (next_row and the counters) and the items of the rows before next_row are written
-- in one transaction, so a restart resumes at next_row with nothing counted or reported twice.
CREATE TABLE IF NOT EXISTS customer_import (
    import_id    VARCHAR(64)   NOT NULL PRIMARY KEY,
    file_name    VARCHAR(300),
    format       VARCHAR(8)    NOT NULL,
    dry_run      BOOLEAN       NOT NULL,
    effective_at VARCHAR(40),
    started_by   VARCHAR(128)  NOT NULL,
    roles        VARCHAR(200)  NOT NULL,
    status       VARCHAR(16)   NOT NULL,
    columns_json TEXT          NOT NULL,
    next_row     INT           NOT NULL,
    rows_read    INT           NOT NULL,
    imported     INT           NOT NULL,
    duplicates   INT           NOT NULL,
    errors       INT           NOT NULL,
    failure      VARCHAR(1000),
    created_at   VARCHAR(40)   NOT NULL,
    finished_at  VARCHAR(40)
);
CREATE TABLE IF NOT EXISTS customer_import_item (
    import_id            VARCHAR(64)   NOT NULL,
    seq                  INT           NOT NULL,
    row_number           INT           NOT NULL,
    column_name          VARCHAR(300),
    message              VARCHAR(2000) NOT NULL,
    existing_customer_id VARCHAR(128),
    current_owner_rep_id VARCHAR(128),
    PRIMARY KEY (import_id, seq)
);
