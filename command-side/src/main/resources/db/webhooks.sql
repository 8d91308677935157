-- webhooks (issue 16): the subscriptions, their secrets and the outbox of deliveries; see WebhookOutbox.
-- A delivery row is written in the transaction of the event it carries, so no stored event is missed and
-- none is sent for a command that failed; the dispatcher sends each (webhook, sequence key) queue in order.
-- Not lookups: the secrets are not in any event, and the delivery records are the deliveries' own history.
CREATE TABLE IF NOT EXISTS webhook_subscription (
    webhook_id  VARCHAR(64)   NOT NULL PRIMARY KEY,
    url         VARCHAR(2000) NOT NULL,
    event_types VARCHAR(4000) NOT NULL,
    active      BOOLEAN       NOT NULL
);
CREATE TABLE IF NOT EXISTS webhook_secret (
    webhook_id VARCHAR(64)  NOT NULL PRIMARY KEY,
    secret     VARCHAR(500) NOT NULL
);
CREATE TABLE IF NOT EXISTS webhook_delivery (
    seq             INTEGER       PRIMARY KEY,
    delivery_id     VARCHAR(64)   NOT NULL UNIQUE,
    webhook_id      VARCHAR(64)   NOT NULL,
    event_id        VARCHAR(64)   NOT NULL,
    event_type      VARCHAR(200)  NOT NULL,
    sequence_key    VARCHAR(200)  NOT NULL,
    body            TEXT          NOT NULL,
    status          VARCHAR(16)   NOT NULL,
    attempts        INT           NOT NULL,
    next_attempt_at BIGINT        NOT NULL,
    last_status     INT,
    last_error      VARCHAR(1000),
    created_at      BIGINT        NOT NULL,
    delivered_at    BIGINT
);
CREATE INDEX IF NOT EXISTS webhook_delivery_queue ON webhook_delivery (webhook_id, sequence_key, status, seq);
CREATE INDEX IF NOT EXISTS webhook_delivery_due ON webhook_delivery (status, next_attempt_at);
