-- Reference data: the 633 agencies of the city's three levels and the 14 city IT systems.
CREATE TABLE agency (
    code          text PRIMARY KEY,
    name_vi       text NOT NULL,
    name_en       text NOT NULL,
    level         text NOT NULL CHECK (level IN ('city', 'district', 'commune')),
    kind          text NOT NULL,            -- sở/ban/ngành, quận, huyện, thị xã, phường, xã
    parent_code   text REFERENCES agency (code),
    urban         boolean,                  -- districts only
    commune_count integer                   -- districts only
);
CREATE INDEX agency_parent_idx ON agency (parent_code);
CREATE INDEX agency_level_idx ON agency (level);

CREATE TABLE city_system (
    code                       text PRIMARY KEY,
    name_vi                    text NOT NULL,
    name_en                    text NOT NULL,
    kind                       text NOT NULL CHECK (kind IN ('public', 'integration', 'internal', 'infrastructure')),
    heartbeat_interval_seconds integer NOT NULL DEFAULT 5 CHECK (heartbeat_interval_seconds > 0),
    seed_fact                  text
);

-- The national procedure catalogue grows: a code first seen in a dossier is recorded here.
CREATE TABLE procedure (
    code              text PRIMARY KEY,
    name_vi           text,
    on_national_portal boolean NOT NULL DEFAULT false,
    first_seen_at     timestamptz NOT NULL DEFAULT now()
);
