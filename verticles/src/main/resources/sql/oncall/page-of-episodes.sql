-- The pages of the outages $1, oldest first.
SELECT * FROM oncall_page WHERE episode_id = ANY ($1::bigint[]) ORDER BY id
