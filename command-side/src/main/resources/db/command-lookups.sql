-- The command side's unique-keyed lookups, kept in the event store's database and written in the
-- same transaction as the events (see CustomerKeyRegistry and RepBook). SQLite; the H2 layout of
-- earlier versions (columns added by ALTER TABLE) is read only by the one-shot migration.
CREATE TABLE IF NOT EXISTS customer_key (
    identity_key VARCHAR(600) NOT NULL PRIMARY KEY,
    customer_id  VARCHAR(128) NOT NULL
);
CREATE INDEX IF NOT EXISTS customer_key_by_customer ON customer_key (customer_id);

CREATE TABLE IF NOT EXISTS rep_book (
    rep_id         VARCHAR(128)  NOT NULL PRIMARY KEY,
    status         VARCHAR(16)   NOT NULL,
    capacity       INT           NOT NULL,
    owned          INT           NOT NULL,
    -- a rep's territory, for rules whose candidates are "territory" ('|' between entries, '/' inside a region)
    regions        VARCHAR(8000) DEFAULT '' NOT NULL,
    product_lines  VARCHAR(8000) DEFAULT '' NOT NULL,
    customer_types VARCHAR(1000) DEFAULT '' NOT NULL
);

CREATE TABLE IF NOT EXISTS customer_owner (
    customer_id   VARCHAR(128) NOT NULL PRIMARY KEY,
    owner_rep_id  VARCHAR(128),
    -- what a bulk transfer filters on, per customer
    customer_type VARCHAR(32),
    province      VARCHAR(50),
    city          VARCHAR(50),
    county        VARCHAR(50),
    grade         VARCHAR(1)
);
CREATE INDEX IF NOT EXISTS customer_owner_by_rep ON customer_owner (owner_rep_id);
-- the rest of what the assignment rules match on (customer_owner holds type and region), and the name a
-- preview shows, in registration order: the assignment preview streams it, one customer at a time
CREATE TABLE IF NOT EXISTS customer_facts (
    registered    INTEGER      PRIMARY KEY,
    customer_id   VARCHAR(128) NOT NULL UNIQUE,
    name          VARCHAR(500) NOT NULL,
    product_lines VARCHAR(8000) DEFAULT '' NOT NULL
);

-- the active assignment policy (see AssignmentDesk)
CREATE TABLE IF NOT EXISTS assignment_policy_version (
    version INT NOT NULL PRIMARY KEY
);
CREATE TABLE IF NOT EXISTS assignment_rule (
    position      INT          NOT NULL PRIMARY KEY,
    rule_id       VARCHAR(64)  NOT NULL,
    province      VARCHAR(50),
    city          VARCHAR(50),
    county        VARCHAR(50),
    customer_type VARCHAR(32),
    product_line  VARCHAR(100),
    by_territory  BOOLEAN      NOT NULL,
    candidates    VARCHAR(8000),
    strategy      VARCHAR(16)  NOT NULL
);
-- per rule, the rep who got its previous customer; read and moved within the registering write transaction
CREATE TABLE IF NOT EXISTS assignment_turn (
    rule_id     VARCHAR(64)  NOT NULL PRIMARY KEY,
    last_rep_id VARCHAR(128)
);

-- who collaborates on which customer, so a departure can remove every role
CREATE TABLE IF NOT EXISTS customer_collaborator (
    customer_id VARCHAR(128) NOT NULL,
    rep_id      VARCHAR(128) NOT NULL,
    role        VARCHAR(16),
    PRIMARY KEY (customer_id, rep_id)
);
CREATE INDEX IF NOT EXISTS customer_collaborator_by_rep ON customer_collaborator (rep_id);

-- tracked batches (departures and bulk transfers) and their items; see TransferBatchRunner
CREATE TABLE IF NOT EXISTS transfer_batch (
    batch_id     VARCHAR(128) NOT NULL PRIMARY KEY,
    from_rep_id  VARCHAR(128) NOT NULL,
    to_rep_id    VARCHAR(128),
    by_rules     BOOLEAN      NOT NULL,
    reason       VARCHAR(16)  NOT NULL,
    effective_at VARCHAR(40),
    note         VARCHAR(1000),
    started_by   VARCHAR(128) NOT NULL,
    status       VARCHAR(16)  NOT NULL
);
CREATE TABLE IF NOT EXISTS transfer_batch_item (
    batch_id    VARCHAR(128) NOT NULL,
    seq         INT          NOT NULL,
    customer_id VARCHAR(128) NOT NULL,
    kind        VARCHAR(16)  NOT NULL,
    status      VARCHAR(16)  NOT NULL,
    detail      VARCHAR(1000),
    PRIMARY KEY (batch_id, seq)
);
CREATE INDEX IF NOT EXISTS transfer_batch_item_by_customer ON transfer_batch_item (batch_id, customer_id);

-- the public-pool policy in force (see PoolRules)
CREATE TABLE IF NOT EXISTS pool_policy (
    version              INT NOT NULL PRIMARY KEY,
    days_without_visit   INT NOT NULL,
    days_without_deal    INT NOT NULL,
    reminder_days_before INT NOT NULL
);

-- the grading policy in force (see GradingRules)
CREATE TABLE IF NOT EXISTS grading_policy (
    version  INT            NOT NULL PRIMARY KEY,
    s_volume DECIMAL(18, 2) NOT NULL,
    s_margin DECIMAL(18, 2) NOT NULL,
    s_months INT            NOT NULL,
    a_volume DECIMAL(18, 2) NOT NULL,
    a_margin DECIMAL(18, 2) NOT NULL,
    a_months INT            NOT NULL,
    b_volume DECIMAL(18, 2) NOT NULL,
    b_margin DECIMAL(18, 2) NOT NULL,
    b_months INT            NOT NULL,
    set_by   VARCHAR(128)   NOT NULL
);

-- the product catalogue, for checking pricing rules and pricing orders (see ProductCatalog); prices as text, exact
-- what a unit of a product costs the company, where it was given (a delivered order's margin)
CREATE TABLE IF NOT EXISTS product_cost (
    product_id VARCHAR(64) NOT NULL PRIMARY KEY,
    unit_cost  VARCHAR(32) NOT NULL
);
CREATE TABLE IF NOT EXISTS product_catalog (
    product_id   VARCHAR(64)  NOT NULL PRIMARY KEY,
    name         VARCHAR(200) NOT NULL,
    product_line VARCHAR(64)  NOT NULL,
    unit         VARCHAR(16)  NOT NULL,
    list_price   VARCHAR(32)  NOT NULL
);

-- the pricing policy in force, rule by rule in order (see PricingRules)
CREATE TABLE IF NOT EXISTS pricing_rule (
    version          INT          NOT NULL,
    position         INT          NOT NULL,
    rule_id          VARCHAR(64)  NOT NULL,
    product_id       VARCHAR(64),
    product_line     VARCHAR(64),
    customer_type    VARCHAR(32),
    grade            VARCHAR(1),
    province         VARCHAR(50),
    city             VARCHAR(50),
    county           VARCHAR(50),
    discount_percent VARCHAR(16)  NOT NULL,
    PRIMARY KEY (version, position)
);
CREATE TABLE IF NOT EXISTS pricing_policy_version (
    version INT NOT NULL PRIMARY KEY
);

-- each customer's credit as the order checks need it (see CreditLedger); amounts as text, exact
CREATE TABLE IF NOT EXISTS credit_account (
    customer_id       VARCHAR(128) NOT NULL PRIMARY KEY,
    credit_limit      VARCHAR(32)  DEFAULT '0' NOT NULL,
    payment_term_days INT          DEFAULT 0 NOT NULL,
    reserved          VARCHAR(32)  DEFAULT '0' NOT NULL,
    outstanding       VARCHAR(32)  DEFAULT '0' NOT NULL
);
-- delivered orders not yet paid, with when payment is due
CREATE TABLE IF NOT EXISTS credit_receivable (
    order_id    VARCHAR(128) NOT NULL PRIMARY KEY,
    customer_id VARCHAR(128) NOT NULL,
    open_amount VARCHAR(32)  NOT NULL,
    due_at      BIGINT       NOT NULL  -- epoch milliseconds
);
CREATE INDEX IF NOT EXISTS credit_receivable_by_customer ON credit_receivable (customer_id, due_at);

-- each customer's opportunities and their stages, for the workflows that move them (a sample sent)
CREATE TABLE IF NOT EXISTS customer_opportunity (
    opportunity_id VARCHAR(128) NOT NULL PRIMARY KEY,
    customer_id    VARCHAR(128) NOT NULL,
    product_line   VARCHAR(128) NOT NULL,
    stage          VARCHAR(16)  NOT NULL
);
CREATE INDEX IF NOT EXISTS customer_opportunity_by_customer ON customer_opportunity (customer_id);

-- the service experts and what they take (see ExpertDesk): regions as in rep_book, lists '|'-separated
CREATE TABLE IF NOT EXISTS expert_book (
    expert_id VARCHAR(128)  NOT NULL PRIMARY KEY,
    regions   VARCHAR(8000) DEFAULT '' NOT NULL,
    crops     VARCHAR(8000) DEFAULT '' NOT NULL,
    species   VARCHAR(8000) DEFAULT '' NOT NULL,
    kinds     VARCHAR(200)  DEFAULT '' NOT NULL,
    capacity  INT           NOT NULL
);
-- each ticket's expert and whether it is open (an expert's load is its open tickets)
CREATE TABLE IF NOT EXISTS ticket_load (
    ticket_id VARCHAR(128) NOT NULL PRIMARY KEY,
    expert_id VARCHAR(128),
    open      BOOLEAN      NOT NULL
);
CREATE INDEX IF NOT EXISTS ticket_load_by_expert ON ticket_load (expert_id, open);
-- the service policy in force, one row per severity, durations ISO-8601 (see ServiceRules)
CREATE TABLE IF NOT EXISTS service_policy (
    severity       VARCHAR(16) NOT NULL PRIMARY KEY,
    version        INT         NOT NULL,
    first_response VARCHAR(40) NOT NULL,
    resolution     VARCHAR(40) NOT NULL
);
-- the knowledge base's article ids, so a resolution cites only an article that exists (see ArticleIndex)
CREATE TABLE IF NOT EXISTS knowledge_article (
    article_id VARCHAR(128) NOT NULL PRIMARY KEY
);

-- what the reminders need of each customer (ReminderBook): crops, species and the contacts with a birthday (JSON);
-- owner and region are in customer_owner
CREATE TABLE IF NOT EXISTS customer_reminder (
    customer_id VARCHAR(128)  NOT NULL PRIMARY KEY,
    name        VARCHAR(500)  NOT NULL,
    crops       VARCHAR(4000) DEFAULT '' NOT NULL,
    species     VARCHAR(4000) DEFAULT '' NOT NULL,
    birthdays   VARCHAR(8000) DEFAULT '[]' NOT NULL,
    scale_value DOUBLE PRECISION,
    scale_unit  VARCHAR(16)
);
-- what each delivered order brought, per unit, for the next-purchase reminder
CREATE TABLE IF NOT EXISTS customer_delivery (
    order_id     VARCHAR(128) NOT NULL,
    unit         VARCHAR(16)  NOT NULL,
    customer_id  VARCHAR(128) NOT NULL,
    delivered_at BIGINT       NOT NULL,  -- epoch milliseconds
    quantity     VARCHAR(32)  NOT NULL,
    PRIMARY KEY (order_id, unit)
);
CREATE INDEX IF NOT EXISTS customer_delivery_by_customer ON customer_delivery (customer_id);
-- each customer's next planned follow-up, from its latest visit that planned one
CREATE TABLE IF NOT EXISTS customer_follow_up (
    customer_id VARCHAR(128) NOT NULL PRIMARY KEY,
    visit_id    VARCHAR(128) NOT NULL,
    due_at      BIGINT       NOT NULL  -- epoch milliseconds
);
-- the reminder policy in force (one row), its campaigns as JSON
CREATE TABLE IF NOT EXISTS reminder_policy (
    id                   INT           NOT NULL PRIMARY KEY,
    version              INT           NOT NULL,
    birthday_days_before INT,
    next_purchase_days_before INT,
    campaigns            VARCHAR(64000) NOT NULL
);

-- with Axon Server the events are appended and then the lookups commit (two commits): each event the
-- lookups applied is noted here in their transaction, until LookupVerification has seen it stored
CREATE TABLE IF NOT EXISTS lookup_receipt (
    event_id        VARCHAR(255) NOT NULL PRIMARY KEY,
    aggregate_id    VARCHAR(255) NOT NULL,
    sequence_number BIGINT       NOT NULL,
    recorded_at     BIGINT       NOT NULL
);
-- the position up to which LookupVerification found every stored event's receipt (one row)
CREATE TABLE IF NOT EXISTS lookup_watermark (
    id       INT    NOT NULL PRIMARY KEY,
    position BIGINT NOT NULL
);
