-- A new, not yet confirmed secret ($2, sealed) for user $1; nothing while TOTP is enabled (disable first).
UPDATE app_user SET totp_secret = $2, totp_enabled = false, totp_last_step = NULL WHERE id = $1 AND NOT totp_enabled
RETURNING id
