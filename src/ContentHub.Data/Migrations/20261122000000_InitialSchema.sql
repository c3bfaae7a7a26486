-- Initial schema: content items with per-language variants, revisions, categories and organisation units.
-- Written as SQL because the EF Core design-time package cannot be restored in our build environment;
-- MigrationSchemaTests checks that migrating gives exactly the schema of the EF model.

CREATE TABLE categories (
    id uuid NOT NULL,
    slug character varying(100) NOT NULL,
    parent_id uuid,
    CONSTRAINT pk_categories PRIMARY KEY (id),
    CONSTRAINT fk_categories_categories_parent_id FOREIGN KEY (parent_id) REFERENCES categories (id) ON DELETE RESTRICT
);

CREATE TABLE org_units (
    id uuid NOT NULL,
    code character varying(100) NOT NULL,
    type character varying(30) NOT NULL,
    CONSTRAINT pk_org_units PRIMARY KEY (id)
);

CREATE TABLE category_names (
    language character varying(16) NOT NULL,
    category_id uuid NOT NULL,
    name character varying(200) NOT NULL,
    CONSTRAINT pk_category_names PRIMARY KEY (category_id, language),
    CONSTRAINT fk_category_names_categories_category_id FOREIGN KEY (category_id) REFERENCES categories (id) ON DELETE CASCADE
);

CREATE TABLE content_items (
    id uuid NOT NULL,
    kind character varying(20) NOT NULL,
    source_language character varying(16) NOT NULL,
    org_unit_id uuid NOT NULL,
    category_id uuid NOT NULL,
    tags text[] NOT NULL,
    sensitive boolean NOT NULL,
    state character varying(20) NOT NULL,
    video_duration_seconds integer,
    video_video_url character varying(2000),
    video_poster_url character varying(2000),
    promo_asset_type character varying(20),
    promo_usage_rights character varying(2000),
    promo_rights_expire_on date,
    created_by character varying(200) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_by character varying(200) NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_content_items PRIMARY KEY (id),
    CONSTRAINT fk_content_items_categories_category_id FOREIGN KEY (category_id) REFERENCES categories (id) ON DELETE RESTRICT,
    CONSTRAINT fk_content_items_org_units_org_unit_id FOREIGN KEY (org_unit_id) REFERENCES org_units (id) ON DELETE RESTRICT
);

CREATE TABLE org_unit_names (
    language character varying(16) NOT NULL,
    org_unit_id uuid NOT NULL,
    name character varying(200) NOT NULL,
    CONSTRAINT pk_org_unit_names PRIMARY KEY (org_unit_id, language),
    CONSTRAINT fk_org_unit_names_org_units_org_unit_id FOREIGN KEY (org_unit_id) REFERENCES org_units (id) ON DELETE CASCADE
);

CREATE TABLE content_variants (
    item_id uuid NOT NULL,
    language character varying(16) NOT NULL,
    kind character varying(20) NOT NULL,
    title character varying(300) NOT NULL,
    summary character varying(1000),
    body_markdown character varying(200000) NOT NULL,
    body_html text NOT NULL,
    slug character varying(120) NOT NULL,
    seo_description character varying(320),
    created_by character varying(200) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_by character varying(200) NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_content_variants PRIMARY KEY (item_id, language),
    CONSTRAINT fk_content_variants_content_items_item_id FOREIGN KEY (item_id) REFERENCES content_items (id) ON DELETE CASCADE
);

CREATE TABLE revisions (
    id bigint GENERATED ALWAYS AS IDENTITY,
    item_id uuid NOT NULL,
    language character varying(16),
    action character varying(20) NOT NULL,
    restored_from bigint,
    snapshot jsonb NOT NULL,
    author character varying(200) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_revisions PRIMARY KEY (id),
    CONSTRAINT fk_revisions_content_items_item_id FOREIGN KEY (item_id) REFERENCES content_items (id) ON DELETE CASCADE
);

CREATE INDEX ix_categories_parent_id ON categories (parent_id);

CREATE UNIQUE INDEX ix_categories_slug ON categories (slug);

CREATE INDEX ix_content_items_category_id ON content_items (category_id);

CREATE INDEX ix_content_items_kind_state ON content_items (kind, state);

CREATE INDEX ix_content_items_org_unit_id ON content_items (org_unit_id);

CREATE INDEX ix_content_items_updated_at_id ON content_items (updated_at, id);

CREATE UNIQUE INDEX ix_content_variants_kind_language_slug ON content_variants (kind, language, slug);

CREATE UNIQUE INDEX ix_org_units_code ON org_units (code);

CREATE INDEX ix_revisions_item_id_id ON revisions (item_id, id);

