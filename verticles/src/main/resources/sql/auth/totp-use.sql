-- A code for step $2 was right: it enables TOTP ($3) or keeps it as it is, and the step cannot be used again. Nothing
-- when a later or equal step was used already (two sign-ins racing with one code: one wins).
UPDATE app_user SET totp_last_step = $2, totp_enabled = totp_enabled OR $3
WHERE id = $1 AND totp_secret IS NOT NULL AND (totp_last_step IS NULL OR totp_last_step < $2)
RETURNING id
