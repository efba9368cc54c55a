-- Ingestion state: one row per (account, feed) with its cursor and schedule, committed in the same
-- transaction as the items a poll produced; and the items a connector could not map.

CREATE TABLE ingest_feeds (
    account_id       VARCHAR(36)   NOT NULL REFERENCES social_accounts (id) ON DELETE CASCADE,
    feed_key         VARCHAR(600)  NOT NULL,
    feed_kind        VARCHAR(20)   NOT NULL,
    feed_query       VARCHAR(1000) NOT NULL DEFAULT '',
    cursor_value     TEXT          NOT NULL DEFAULT '',
    next_poll_at     BIGINT        NOT NULL,
    last_poll_at     BIGINT,
    last_success_at  BIGINT,
    failures         INTEGER       NOT NULL DEFAULT 0,
    last_error       VARCHAR(2000),
    items_stored     BIGINT        NOT NULL DEFAULT 0,
    PRIMARY KEY (account_id, feed_key)
);
CREATE INDEX ingest_feeds_due ON ingest_feeds (next_poll_at);

CREATE TABLE rejected_items (
    id           VARCHAR(36)   PRIMARY KEY,
    account_id   VARCHAR(36)   REFERENCES social_accounts (id) ON DELETE CASCADE,
    network      VARCHAR(20)   NOT NULL,
    feed_key     VARCHAR(600)  NOT NULL,
    external_id  VARCHAR(300)  NOT NULL,
    reason       VARCHAR(2000) NOT NULL,
    raw          TEXT,
    rejected_at  BIGINT        NOT NULL,
    UNIQUE (account_id, feed_key, external_id)
);
CREATE INDEX rejected_items_at ON rejected_items (rejected_at);
