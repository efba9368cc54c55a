-- Listening: saved Boolean queries per show, and which items they matched.

CREATE TABLE listening_queries (
    id            VARCHAR(36)   PRIMARY KEY,
    workspace_id  VARCHAR(36)   NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    show_id       VARCHAR(36)   NOT NULL REFERENCES shows (id) ON DELETE CASCADE,
    name          VARCHAR(200)  NOT NULL,
    query         VARCHAR(4000) NOT NULL,
    enabled       BOOLEAN       NOT NULL DEFAULT TRUE,
    applies_from  BIGINT        NOT NULL,
    created_at    BIGINT        NOT NULL,
    updated_at    BIGINT        NOT NULL,
    created_by    VARCHAR(36)
);
CREATE INDEX listening_queries_show ON listening_queries (show_id);

-- One row per (item, query) that matched; source is 'live' (at ingestion) or 'backfill' (over the archive).
CREATE TABLE item_matches (
    item_id          VARCHAR(36)  NOT NULL REFERENCES items (id) ON DELETE CASCADE,
    query_id         VARCHAR(36)  NOT NULL REFERENCES listening_queries (id) ON DELETE CASCADE,
    show_id          VARCHAR(36),
    item_created_at  BIGINT       NOT NULL,
    matched_at       BIGINT       NOT NULL,
    source           VARCHAR(10)  NOT NULL DEFAULT 'live',
    PRIMARY KEY (item_id, query_id)
);
CREATE INDEX item_matches_query ON item_matches (query_id, item_created_at);
