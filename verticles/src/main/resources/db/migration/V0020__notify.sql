-- Outbound messages to people (notify/): where each person is reached, the node's VAPID key pair, and every
-- message sent and every attempt on every channel (the console's timeline reads them back).

-- A way to reach a person. address: the email address, Telegram chat id, Zalo user id, E.164 number, or a
-- browser's push endpoint (webpush, with its p256dh key and auth secret). Channels are tried in position order;
-- fallback_only ones only when an earlier one failed or was in its quiet hours (local Hanoi time, may wrap
-- midnight). A person who has any contact point has an email one (enforced by notify/ContactPoints, which
-- locks the person's app_user row around every change).
CREATE TABLE contact_point (
    id            bigserial   PRIMARY KEY,
    user_id       bigint      NOT NULL REFERENCES app_user (id),
    channel       text        NOT NULL CHECK (channel IN ('email', 'telegram', 'zalo', 'sms', 'webpush')),
    address       text        NOT NULL CHECK (length(address) BETWEEN 1 AND 2048),
    p256dh        text,
    auth_secret   text,
    position      integer     NOT NULL CHECK (position >= 0),
    fallback_only boolean     NOT NULL DEFAULT false,
    quiet_from    time,
    quiet_to      time,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    CHECK ((quiet_from IS NULL) = (quiet_to IS NULL) AND (quiet_from IS NULL OR quiet_from <> quiet_to)),
    CHECK ((channel = 'webpush') = (p256dh IS NOT NULL AND auth_secret IS NOT NULL)),
    UNIQUE (user_id, channel, address)
);

-- The VAPID key pair of a cluster that configures none (base64url, uncompressed P-256), made by the first node
-- that needs it and shared by all, so browsers' subscriptions outlive restarts.
CREATE TABLE vapid_key (
    id          integer     PRIMARY KEY CHECK (id = 1),
    public_key  text        NOT NULL,
    private_key text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);

-- One message to one person. ref: what it is about, as the caller names it (e.g. alert:42), for byRef.
-- username is kept as given (no foreign key): a message to an unknown person is recorded as failed too.
CREATE TABLE notification (
    id          bigserial   PRIMARY KEY,
    username    text        NOT NULL,
    ref         text,
    subject     text        NOT NULL,
    urgency     text        NOT NULL CHECK (urgency IN ('low', 'normal', 'high')),
    tag         text,
    status      text        NOT NULL CHECK (status IN ('pending', 'sent', 'failed', 'rate_limited')),
    created_at  timestamptz NOT NULL DEFAULT now(),
    finished_at timestamptz
);
CREATE INDEX notification_ref_idx ON notification (ref, id);
-- the per-person rate limit counts a person's messages of the last minute
CREATE INDEX notification_person_idx ON notification (username, created_at);

-- Every attempt on every channel, and the skips. channel, contact_point_id and address are null for what
-- concerns the message as a whole (rate limited, nobody to send to). contact_point_id has no foreign key: a
-- removed contact point keeps its history. address is masked where it identifies a person.
CREATE TABLE notification_attempt (
    id               bigserial   PRIMARY KEY,
    notification_id  bigint      NOT NULL REFERENCES notification (id),
    channel          text        CHECK (channel IN ('email', 'telegram', 'zalo', 'sms', 'webpush')),
    contact_point_id bigint,
    address          text,
    attempt          integer     NOT NULL CHECK (attempt >= 1),
    status           text        NOT NULL CHECK (status IN ('sent', 'delivered', 'failed', 'skipped_quiet', 'rate_limited')),
    http_status      integer,
    error            text,
    duration_ms      integer,
    at               timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX notification_attempt_notification_idx ON notification_attempt (notification_id, id);
