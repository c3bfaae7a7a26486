-- Portals (the sites and screens that read published content), their languages with fallback
-- chains, and their API keys (only a hash of each secret is stored).

CREATE TABLE portals (
    id uuid NOT NULL,
    name character varying(200) NOT NULL,
    slug character varying(100) NOT NULL,
    base_url character varying(2000) NOT NULL,
    category_ids uuid[] NOT NULL,
    kinds text[] NOT NULL,
    accepts_unreviewed_machine_translation boolean NOT NULL,
    is_public boolean NOT NULL,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_portals PRIMARY KEY (id)
);

CREATE TABLE api_keys (
    id uuid NOT NULL,
    portal_id uuid NOT NULL,
    prefix character varying(12) NOT NULL,
    secret_hash bytea NOT NULL,
    label character varying(200),
    created_by character varying(200) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    revoked_at timestamp with time zone,
    last_used_at timestamp with time zone,
    CONSTRAINT pk_api_keys PRIMARY KEY (id),
    CONSTRAINT fk_api_keys_portals_portal_id FOREIGN KEY (portal_id) REFERENCES portals (id) ON DELETE CASCADE
);

CREATE TABLE portal_languages (
    language character varying(16) NOT NULL,
    portal_id uuid NOT NULL,
    fallbacks text[] NOT NULL,
    CONSTRAINT pk_portal_languages PRIMARY KEY (portal_id, language),
    CONSTRAINT fk_portal_languages_portals_portal_id FOREIGN KEY (portal_id) REFERENCES portals (id) ON DELETE CASCADE
);

CREATE INDEX ix_api_keys_portal_id ON api_keys (portal_id);

CREATE UNIQUE INDEX ix_api_keys_prefix ON api_keys (prefix);

CREATE UNIQUE INDEX ix_portals_slug ON portals (slug);
