-- People who sign in, their sessions, the token-signing key and the audit log.
CREATE TABLE app_user (
    id            bigserial PRIMARY KEY,
    username      text        NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9][a-z0-9._-]{1,63}$'),
    display_name  text        NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
    agency_code   text        NOT NULL REFERENCES agency (code),
    language      text        NOT NULL DEFAULT 'vi' CHECK (language IN ('vi', 'en')),
    roles         text[]      NOT NULL CHECK (cardinality(roles) > 0
                                  AND roles <@ ARRAY['operator', 'leader', 'sre', 'agency', 'admin']),
    password_hash text        NOT NULL CHECK (password_hash LIKE '$argon2id$%'),
    active        boolean     NOT NULL DEFAULT true,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);

-- A signed token is honoured until it expires or its session ends (sign-out, user disabled or changed).
CREATE TABLE user_session (
    token_id   text        PRIMARY KEY,
    user_id    bigint      NOT NULL REFERENCES app_user (id),
    issued_at  timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL,
    ended_at   timestamptz,
    address    text
);
CREATE INDEX user_session_user_idx ON user_session (user_id);
CREATE INDEX user_session_ended_idx ON user_session (expires_at) WHERE ended_at IS NOT NULL;

-- The token-signing secret of a development cluster, made by the first node that needs it and shared
-- by all (production configures auth.jwtSecret instead).
CREATE TABLE signing_key (
    id         integer     PRIMARY KEY CHECK (id = 1),
    secret     text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

-- Who did what, when, from where. Append-only: a trigger refuses every UPDATE and DELETE.
CREATE TABLE audit_log (
    id         bigserial   PRIMARY KEY,
    at         timestamptz NOT NULL DEFAULT now(),
    actor      text,
    actor_kind text        NOT NULL CHECK (actor_kind IN ('user', 'api_key', 'system', 'anonymous')),
    action     text        NOT NULL,
    target     text,
    outcome    text        NOT NULL CHECK (outcome IN ('success', 'failure', 'denied')),
    address    text,
    details    jsonb       NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_at_idx ON audit_log (at DESC, id DESC);
CREATE INDEX audit_log_action_at_idx ON audit_log (action, at DESC);

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only';
END
$$;
CREATE TRIGGER audit_log_append_only
    BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
