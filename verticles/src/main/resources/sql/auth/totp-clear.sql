-- TOTP off for user $1: secret forgotten. Answers whether it was enrolled.
UPDATE app_user u SET totp_secret = NULL, totp_enabled = false, totp_last_step = NULL
FROM (SELECT id, totp_secret IS NOT NULL AS had FROM app_user WHERE id = $1 FOR UPDATE) before
WHERE u.id = before.id
RETURNING before.had
