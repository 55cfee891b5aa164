-- The open alerts of the deduplication keys $1 were evaluated again and their conditions still hold.
UPDATE alert SET last_evaluated_at = now() WHERE state <> 'resolved' AND dedup_key = ANY ($1)
