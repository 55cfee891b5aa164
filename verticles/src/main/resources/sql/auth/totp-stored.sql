-- How many TOTP secrets are stored (a node without secrets.key must not start while there are any).
SELECT count(*) FROM app_user WHERE totp_secret IS NOT NULL
