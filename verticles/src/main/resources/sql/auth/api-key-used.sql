-- The keys $1 were used at the times $2 (same order): each keeps its latest use, whichever node saw it.
UPDATE api_key k SET last_used_at = greatest(k.last_used_at, u.at)
FROM unnest($1::bigint[], $2::timestamptz[]) AS u(id, at)
WHERE k.id = u.id
