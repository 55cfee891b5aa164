-- Secrets the node reads back are kept encrypted (AES-256-GCM under secrets.key, see store/SecretBox):
-- 'v1:<nonce>:<ciphertext>'. Webhook secrets written before are marked 'plain:<secret>' here, so they keep
-- working; every node seals the marked ones with its key when it starts (alert/WebhookSender). The CHECK keeps an
-- unmarked clear value from being written again.
UPDATE alert_rule SET webhook_secret = 'plain:' || webhook_secret
WHERE webhook_secret IS NOT NULL AND webhook_secret NOT LIKE 'v1:%';
ALTER TABLE alert_rule ADD CONSTRAINT alert_rule_webhook_secret_sealed
    CHECK (webhook_secret IS NULL OR webhook_secret LIKE 'v1:%' OR webhook_secret LIKE 'plain:%');

-- The optional second sign-in step (TOTP, RFC 6238) of admins and SREs: the secret (sealed like the above), set by
-- enrolling; enabled once a code from the person's authenticator confirmed it; the last time step a code was
-- accepted for, so one code signs in once.
ALTER TABLE app_user ADD COLUMN totp_secret text CHECK (totp_secret IS NULL OR totp_secret LIKE 'v1:%');
ALTER TABLE app_user ADD COLUMN totp_enabled boolean NOT NULL DEFAULT false;
ALTER TABLE app_user ADD COLUMN totp_last_step bigint;
ALTER TABLE app_user ADD CONSTRAINT app_user_totp_enabled_has_secret CHECK (NOT totp_enabled OR totp_secret IS NOT NULL);
