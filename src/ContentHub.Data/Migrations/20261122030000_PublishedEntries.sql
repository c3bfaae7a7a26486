-- What portals read: per published item and language, the last approved text with the item's
-- fields beside it, indexed for the newest entries of a language, kind or category.

CREATE TABLE published_entries (
    item_id uuid NOT NULL,
    language character varying(16) NOT NULL,
    kind character varying(20) NOT NULL,
    category_id uuid NOT NULL,
    org_unit_id uuid NOT NULL,
    tags text[] NOT NULL,
    title character varying(300) NOT NULL,
    summary character varying(1000),
    body_html text NOT NULL,
    slug character varying(120) NOT NULL,
    seo_description character varying(320),
    search_text text NOT NULL,
    video_duration_seconds integer,
    video_url character varying(2000),
    poster_url character varying(2000),
    promo_asset_type character varying(20),
    usage_rights character varying(2000),
    rights_expire_on date,
    revision_id bigint NOT NULL,
    machine_translated boolean NOT NULL,
    reviewed_at timestamp with time zone NOT NULL,
    published_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    unpublish_at timestamp with time zone,
    CONSTRAINT pk_published_entries PRIMARY KEY (item_id, language),
    CONSTRAINT fk_published_entries_content_items_item_id FOREIGN KEY (item_id) REFERENCES content_items (id) ON DELETE CASCADE
);

CREATE INDEX ix_published_entries_category_id_language_published_at_item_id ON published_entries (category_id, language, published_at DESC, item_id DESC);

CREATE INDEX ix_published_entries_kind_language_slug ON published_entries (kind, language, slug);

CREATE INDEX ix_published_entries_language_kind_published_at_item_id ON published_entries (language, kind, published_at DESC, item_id DESC);
