-- The command side's unique-keyed lookups, kept in the event store's database and written in the
-- same transaction as the events (see CustomerKeyRegistry and RepBook).
CREATE TABLE IF NOT EXISTS customer_key (
    identity_key VARCHAR(600) NOT NULL PRIMARY KEY,
    customer_id  VARCHAR(128) NOT NULL
);
CREATE INDEX IF NOT EXISTS customer_key_by_customer ON customer_key (customer_id);

CREATE TABLE IF NOT EXISTS rep_book (
    rep_id   VARCHAR(128) NOT NULL PRIMARY KEY,
    status   VARCHAR(16)  NOT NULL,
    capacity INT          NOT NULL,
    owned    INT          NOT NULL
);

CREATE TABLE IF NOT EXISTS customer_owner (
    customer_id  VARCHAR(128) NOT NULL PRIMARY KEY,
    owner_rep_id VARCHAR(128)
);
