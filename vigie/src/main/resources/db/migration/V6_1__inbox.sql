-- The unified inbox: triage state beside the items (tags, notes), our replies with their delivery
-- state, saved views and saved replies, and the indexes that keep the inbox's first page fast with
-- one filter on a million items. Every paging index ends with (created_at, id) so that the keyset
-- "ORDER BY created_at DESC, id DESC LIMIT n" is read straight from the index, on SQLite and PostgreSQL.

ALTER TABLE items ADD COLUMN liked BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE items ADD COLUMN hidden BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE items ADD COLUMN deleted_at BIGINT;

CREATE INDEX items_inbox_created ON items (created_at, id);
CREATE INDEX items_inbox_priority ON items (priority, created_at, id);
CREATE INDEX items_inbox_show ON items (show_id, created_at, id);
CREATE INDEX items_inbox_account ON items (account_id, created_at, id);
CREATE INDEX items_inbox_network ON items (network, created_at, id);
CREATE INDEX items_inbox_kind ON items (kind, created_at, id);
CREATE INDEX items_inbox_lang ON items (lang, created_at, id);
CREATE INDEX items_inbox_sentiment ON items (sentiment, created_at, id);
CREATE INDEX items_inbox_status ON items (status, created_at, id);
CREATE INDEX items_inbox_assignee ON items (assignee_id, created_at, id);
CREATE INDEX items_inbox_parent ON items (network, parent_external_id);

CREATE TABLE item_tags (
    item_id     VARCHAR(36)  NOT NULL REFERENCES items (id) ON DELETE CASCADE,
    tag         VARCHAR(100) NOT NULL,
    created_at  BIGINT       NOT NULL,
    PRIMARY KEY (item_id, tag)
);
CREATE INDEX item_tags_tag ON item_tags (tag, item_id);

-- Internal notes: on an item (and so on its author), or on an author alone from the author panel.
CREATE TABLE inbox_notes (
    id          VARCHAR(36)   PRIMARY KEY,
    item_id     VARCHAR(36)   REFERENCES items (id) ON DELETE CASCADE,
    author_id   VARCHAR(36)   REFERENCES authors (id) ON DELETE CASCADE,
    user_id     VARCHAR(36)   REFERENCES users (id) ON DELETE SET NULL,
    user_name   VARCHAR(200)  NOT NULL,
    text        VARCHAR(4000) NOT NULL,
    created_at  BIGINT        NOT NULL
);
CREATE INDEX inbox_notes_item ON inbox_notes (item_id, created_at);
CREATE INDEX inbox_notes_author ON inbox_notes (author_id, created_at);

-- Our replies, sent through the connector of the item's account. The idempotency key is kept
-- across retries so that a retry after a lost answer does not post twice.
CREATE TABLE inbox_replies (
    id               VARCHAR(36)   PRIMARY KEY,
    item_id          VARCHAR(36)   NOT NULL REFERENCES items (id) ON DELETE CASCADE,
    user_id          VARCHAR(36)   REFERENCES users (id) ON DELETE SET NULL,
    user_name        VARCHAR(200)  NOT NULL,
    text             TEXT          NOT NULL,
    state            VARCHAR(10)   NOT NULL,
    reason           VARCHAR(2000),
    external_id      VARCHAR(300),
    idempotency_key  VARCHAR(36)   NOT NULL,
    attempts         INTEGER       NOT NULL DEFAULT 0,
    created_at       BIGINT        NOT NULL,
    updated_at       BIGINT        NOT NULL
);
CREATE INDEX inbox_replies_item ON inbox_replies (item_id, created_at);

CREATE TABLE inbox_saved_views (
    id          VARCHAR(36)   PRIMARY KEY,
    user_id     VARCHAR(36)   NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name        VARCHAR(100)  NOT NULL,
    query       VARCHAR(2000) NOT NULL,
    created_at  BIGINT        NOT NULL,
    UNIQUE (user_id, name)
);

CREATE TABLE inbox_saved_replies (
    id            VARCHAR(36)   PRIMARY KEY,
    workspace_id  VARCHAR(36)   NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    name          VARCHAR(100)  NOT NULL,
    lang          VARCHAR(10)   NOT NULL,
    body          VARCHAR(4000) NOT NULL,
    created_at    BIGINT        NOT NULL
);
