-- A tag filter reads its items newest first from item_tags itself, in batches, as a listening-query
-- filter reads item_matches (by item_matches_query): the item's creation time is kept beside the tag.
ALTER TABLE item_tags ADD COLUMN item_created_at BIGINT NOT NULL DEFAULT 0;
UPDATE item_tags SET item_created_at = (SELECT i.created_at FROM items i WHERE i.id = item_tags.item_id);
CREATE INDEX item_tags_tag_time ON item_tags (tag, item_created_at, item_id);
