-- A person's TOTP: the sealed secret (null: not enrolled), whether a code confirmed it, the last step a code was used for.
SELECT totp_secret, totp_enabled, totp_last_step FROM app_user WHERE id = $1
