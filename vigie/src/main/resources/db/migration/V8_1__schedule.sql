-- TV schedules imported from XMLTV guides (issue 8), and which programme titles are which show.

CREATE TABLE schedule_sources (
    id            VARCHAR(36)   PRIMARY KEY,
    workspace_id  VARCHAR(36)   NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    name          VARCHAR(300)  NOT NULL,
    url           VARCHAR(2000),
    created_at    BIGINT        NOT NULL,
    fetched_at    BIGINT,
    programmes    INTEGER       NOT NULL DEFAULT 0,
    duplicates    INTEGER       NOT NULL DEFAULT 0,
    last_error    VARCHAR(2000)
);

CREATE TABLE programmes (
    id            VARCHAR(36)   PRIMARY KEY,
    workspace_id  VARCHAR(36)   NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    channel       VARCHAR(200)  NOT NULL,
    channel_name  VARCHAR(300),
    start_at      BIGINT        NOT NULL,
    stop_at       BIGINT,
    title         VARCHAR(500)  NOT NULL,
    title_key     VARCHAR(500)  NOT NULL,
    sub_title     VARCHAR(500),
    description   TEXT,
    categories    TEXT,
    episode       VARCHAR(200),
    source_id     VARCHAR(36),
    UNIQUE (workspace_id, channel, start_at, title_key)
);
CREATE INDEX programmes_title_start ON programmes (workspace_id, title_key, start_at);

CREATE TABLE show_programmes (
    show_id    VARCHAR(36)  NOT NULL REFERENCES shows (id) ON DELETE CASCADE,
    title_key  VARCHAR(500) NOT NULL,
    title      VARCHAR(500) NOT NULL,
    PRIMARY KEY (show_id, title_key)
);
