-- The inbox ordered by priority within a status (the default "open, most important first" view)
-- reads its first page straight from this index instead of sorting every open item.
CREATE INDEX items_inbox_status_priority ON items (status, priority, created_at, id);
