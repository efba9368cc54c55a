-- Issue 4: webhook deliveries (replay guard and work queue), network quotas, metric samples.
-- Portable between SQLite and PostgreSQL.

-- Every verified webhook delivery, once: the digest of its raw body is unique, so a replay is refused.
CREATE TABLE webhook_deliveries (
    id            VARCHAR(36)   PRIMARY KEY,
    network       VARCHAR(20)   NOT NULL,
    digest        VARCHAR(64)   NOT NULL UNIQUE,
    body          TEXT,
    received_at   BIGINT        NOT NULL,
    status        VARCHAR(10)   NOT NULL DEFAULT 'PENDING',
    attempts      INTEGER       NOT NULL DEFAULT 0,
    events        INTEGER,
    error         VARCHAR(2000),
    processed_at  BIGINT
);
CREATE INDEX webhook_deliveries_status ON webhook_deliveries (status, received_at);

-- Units spent per (network, account or app, bucket, period): YouTube's daily quota and search bucket.
CREATE TABLE quota_usage (
    network       VARCHAR(20)   NOT NULL,
    account_key   VARCHAR(300)  NOT NULL,
    bucket        VARCHAR(50)   NOT NULL,
    period_start  BIGINT        NOT NULL,
    units         BIGINT        NOT NULL,
    PRIMARY KEY (network, account_key, bucket, period_start)
);

-- Distinct keys used in a rolling window: Instagram's 30 hashtags per 7 days.
CREATE TABLE quota_keys (
    network        VARCHAR(20)   NOT NULL,
    account_key    VARCHAR(300)  NOT NULL,
    bucket         VARCHAR(50)   NOT NULL,
    key_value      VARCHAR(300)  NOT NULL,
    first_used_at  BIGINT        NOT NULL,
    PRIMARY KEY (network, account_key, bucket, key_value)
);

-- Metrics of our own objects (page, post, media, video) as sampled; value NULL = unavailable, with the reason.
CREATE TABLE metric_samples (
    id            VARCHAR(36)   PRIMARY KEY,
    account_id    VARCHAR(36)   REFERENCES social_accounts (id) ON DELETE CASCADE,
    network       VARCHAR(20)   NOT NULL,
    object_id     VARCHAR(300)  NOT NULL,
    metric        VARCHAR(200)  NOT NULL,
    value         BIGINT,
    unavailable   VARCHAR(1000),
    sampled_at    BIGINT        NOT NULL
);
CREATE INDEX metric_samples_object ON metric_samples (network, object_id, metric, sampled_at);
