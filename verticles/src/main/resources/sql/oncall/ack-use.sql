-- Uses the link of hash $1, if it is unused and not expired: single use, whatever node is asked, however often.
UPDATE oncall_ack_token SET used_at = now()
WHERE hash = $1 AND used_at IS NULL AND expires_at > now()
RETURNING hash
