-- Vigie's first schema. Portable between SQLite and PostgreSQL: ids are time-ordered UUIDs
-- (text), instants are epoch milliseconds (BIGINT), JSON is stored as TEXT.

CREATE TABLE workspaces (
    id          VARCHAR(36)  PRIMARY KEY,
    name        VARCHAR(200) NOT NULL,
    created_at  BIGINT       NOT NULL
);

CREATE TABLE shows (
    id            VARCHAR(36)  PRIMARY KEY,
    workspace_id  VARCHAR(36)  NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    name          VARCHAR(200) NOT NULL,
    slug          VARCHAR(100) NOT NULL,
    color         VARCHAR(7)   NOT NULL DEFAULT '#3b5bdb',
    created_at    BIGINT       NOT NULL,
    UNIQUE (workspace_id, slug)
);

CREATE TABLE social_accounts (
    id                VARCHAR(36)  PRIMARY KEY,
    workspace_id      VARCHAR(36)  NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    show_id           VARCHAR(36)  REFERENCES shows (id) ON DELETE SET NULL,
    network           VARCHAR(20)  NOT NULL,
    handle            VARCHAR(300) NOT NULL,
    external_id       VARCHAR(300),
    display_name      VARCHAR(300),
    base_url          VARCHAR(500),
    status            VARCHAR(20)  NOT NULL DEFAULT 'CONNECTED',
    status_reason     VARCHAR(1000),
    credentials       TEXT,
    token_expires_at  BIGINT,
    created_at        BIGINT       NOT NULL,
    updated_at        BIGINT       NOT NULL,
    UNIQUE (workspace_id, network, handle)
);

CREATE TABLE authors (
    id            VARCHAR(36)  PRIMARY KEY,
    network       VARCHAR(20)  NOT NULL,
    external_id   VARCHAR(300) NOT NULL,
    handle        VARCHAR(300),
    display_name  VARCHAR(300),
    followers     BIGINT,
    avatar_url    VARCHAR(1000),
    profile_url   VARCHAR(1000),
    verified      BOOLEAN      NOT NULL DEFAULT FALSE,
    updated_at    BIGINT       NOT NULL,
    UNIQUE (network, external_id)
);

CREATE TABLE conversations (
    id            VARCHAR(36)  PRIMARY KEY,
    network       VARCHAR(20)  NOT NULL,
    external_id   VARCHAR(300) NOT NULL,
    account_id    VARCHAR(36)  REFERENCES social_accounts (id) ON DELETE SET NULL,
    show_id       VARCHAR(36)  REFERENCES shows (id) ON DELETE SET NULL,
    created_at    BIGINT       NOT NULL,
    last_item_at  BIGINT       NOT NULL,
    UNIQUE (network, external_id)
);

CREATE TABLE users (
    id                  VARCHAR(36)  PRIMARY KEY,
    email               VARCHAR(320) NOT NULL UNIQUE,
    display_name        VARCHAR(200) NOT NULL,
    password_hash       VARCHAR(200),
    role                VARCHAR(30)  NOT NULL,
    locale              VARCHAR(10)  NOT NULL DEFAULT 'fr',
    enabled             BOOLEAN      NOT NULL DEFAULT TRUE,
    failed_logins       INTEGER      NOT NULL DEFAULT 0,
    locked_until        BIGINT,
    invite_token_hash   VARCHAR(100),
    invite_expires_at   BIGINT,
    created_at          BIGINT       NOT NULL
);

CREATE TABLE user_shows (
    user_id  VARCHAR(36) NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    show_id  VARCHAR(36) NOT NULL REFERENCES shows (id) ON DELETE CASCADE,
    PRIMARY KEY (user_id, show_id)
);

CREATE TABLE api_tokens (
    id            VARCHAR(36)  PRIMARY KEY,
    user_id       VARCHAR(36)  NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name          VARCHAR(200) NOT NULL,
    token_hash    VARCHAR(100) NOT NULL UNIQUE,
    prefix        VARCHAR(20)  NOT NULL,
    created_at    BIGINT       NOT NULL,
    last_used_at  BIGINT,
    revoked_at    BIGINT
);

CREATE TABLE audit_log (
    id           VARCHAR(36)   PRIMARY KEY,
    at           BIGINT        NOT NULL,
    actor_id     VARCHAR(36),
    actor_email  VARCHAR(320),
    action       VARCHAR(100)  NOT NULL,
    target_type  VARCHAR(50),
    target_id    VARCHAR(300),
    details      VARCHAR(4000)
);
CREATE INDEX audit_log_at ON audit_log (at);

-- Everything ingested: posts, comments, replies, mentions, DMs and listening hits.
-- Unique on (network, external_id): ingestion upserts, so a replayed page is harmless.
CREATE TABLE items (
    id                  VARCHAR(36)   PRIMARY KEY,
    network             VARCHAR(20)   NOT NULL,
    external_id         VARCHAR(300)  NOT NULL,
    kind                VARCHAR(20)   NOT NULL,
    workspace_id        VARCHAR(36)   NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    show_id             VARCHAR(36)   REFERENCES shows (id) ON DELETE SET NULL,
    account_id          VARCHAR(36)   REFERENCES social_accounts (id) ON DELETE SET NULL,
    author_id           VARCHAR(36)   REFERENCES authors (id),
    conversation_id     VARCHAR(36)   REFERENCES conversations (id),
    parent_external_id  VARCHAR(300),
    text                TEXT          NOT NULL,
    url                 VARCHAR(2000),
    created_at          BIGINT        NOT NULL,
    ingested_at         BIGINT        NOT NULL,
    lang                VARCHAR(10),
    sentiment           VARCHAR(10),
    sentiment_score     DOUBLE PRECISION,
    spam                BOOLEAN       NOT NULL DEFAULT FALSE,
    toxic               BOOLEAN       NOT NULL DEFAULT FALSE,
    priority            DOUBLE PRECISION NOT NULL DEFAULT 0,
    priority_reasons    TEXT,
    entities            TEXT,
    metrics             TEXT,
    status              VARCHAR(10)   NOT NULL DEFAULT 'OPEN',
    snoozed_until       BIGINT,
    assignee_id         VARCHAR(36)   REFERENCES users (id) ON DELETE SET NULL,
    from_us             BOOLEAN       NOT NULL DEFAULT FALSE,
    raw                 TEXT,
    processing_error    VARCHAR(2000),
    UNIQUE (network, external_id)
);
CREATE INDEX items_created ON items (created_at);
CREATE INDEX items_show_created ON items (show_id, created_at);
CREATE INDEX items_account_created ON items (account_id, created_at);
CREATE INDEX items_conversation ON items (conversation_id, created_at);
CREATE INDEX items_author ON items (author_id, created_at);
CREATE INDEX items_status_priority ON items (status, priority);
