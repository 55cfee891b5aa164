-- The acknowledgement the link $1 was used for could not be made: the link is usable again.
UPDATE oncall_ack_token SET used_at = NULL WHERE hash = $1
