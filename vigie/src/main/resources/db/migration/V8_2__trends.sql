-- Trends (issue 8): per-bucket counts of each series, detected trends, alert rules, deliveries
-- and the "useful / noise" feedback kept for tuning.

-- One row per series and bucket. series_key: show:<id>, query:<id>, account:<id>, network:<NAME>.
CREATE TABLE trend_buckets (
    series_key      VARCHAR(80)  NOT NULL,
    bucket_start    BIGINT       NOT NULL,
    items           INTEGER      NOT NULL,
    authors         DOUBLE PRECISION NOT NULL,
    negative        INTEGER      NOT NULL,
    rated           INTEGER      NOT NULL,
    expected        DOUBLE PRECISION,
    score           DOUBLE PRECISION,
    PRIMARY KEY (series_key, bucket_start)
);

CREATE TABLE trends (
    id            VARCHAR(36)   PRIMARY KEY,
    workspace_id  VARCHAR(36)   NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    series_key    VARCHAR(80)   NOT NULL,
    show_id       VARCHAR(36)   REFERENCES shows (id) ON DELETE CASCADE,
    kind          VARCHAR(20)   NOT NULL,
    status        VARCHAR(10)   NOT NULL,
    started_at    BIGINT        NOT NULL,
    updated_at    BIGINT        NOT NULL,
    ended_at      BIGINT,
    peak_score    DOUBLE PRECISION NOT NULL,
    observed      DOUBLE PRECISION NOT NULL,
    expected      DOUBLE PRECISION NOT NULL,
    in_airing     BOOLEAN       NOT NULL DEFAULT FALSE,
    terms         TEXT,
    samples       TEXT,
    alerted_at    BIGINT
);
CREATE INDEX trends_show_started ON trends (show_id, started_at);
CREATE INDEX trends_series_started ON trends (series_key, started_at);

CREATE TABLE alert_rules (
    show_id           VARCHAR(36)  PRIMARY KEY REFERENCES shows (id) ON DELETE CASCADE,
    enabled           BOOLEAN      NOT NULL DEFAULT TRUE,
    threshold         DOUBLE PRECISION NOT NULL,
    cooldown_minutes  INTEGER      NOT NULL,
    quiet_start       VARCHAR(5),
    quiet_end         VARCHAR(5),
    emails            VARCHAR(2000),
    webhook_url       VARCHAR(2000),
    updated_at        BIGINT       NOT NULL
);

CREATE TABLE alert_deliveries (
    id         VARCHAR(36)   PRIMARY KEY,
    trend_id   VARCHAR(36)   NOT NULL REFERENCES trends (id) ON DELETE CASCADE,
    channel    VARCHAR(10)   NOT NULL,
    what       VARCHAR(10)   NOT NULL,
    at         BIGINT        NOT NULL,
    outcome    VARCHAR(10)   NOT NULL,
    detail     VARCHAR(1000)
);
CREATE INDEX alert_deliveries_trend ON alert_deliveries (trend_id, at);

CREATE TABLE trend_feedback (
    trend_id  VARCHAR(36)  NOT NULL REFERENCES trends (id) ON DELETE CASCADE,
    user_id   VARCHAR(36)  NOT NULL,
    verdict   VARCHAR(10)  NOT NULL,
    at        BIGINT       NOT NULL,
    PRIMARY KEY (trend_id, user_id)
);
