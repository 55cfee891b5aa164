-- The holds of outages $1, oldest first.
SELECT * FROM oncall_hold WHERE episode_id = ANY ($1::bigint[]) ORDER BY held_at
