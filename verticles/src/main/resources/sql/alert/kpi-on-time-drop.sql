-- How many points the city's on-time rate fell: the window ($1 - $2 minutes, $1] against the window before it;
-- nothing when either window has fewer than $3 completions.
WITH w AS (
    SELECT completed_at > $1::timestamptz - make_interval(mins => $2) AS recent,
           count(*) AS n, 100.0 * count(*) FILTER (WHERE completed_at <= due_at) / count(*) AS rate
    FROM dossier_state
    WHERE stage = 'completed' AND completed_at > $1::timestamptz - make_interval(mins => 2 * $2) AND completed_at <= $1::timestamptz
    GROUP BY 1
)
SELECT 'HN' AS subject, p.rate - r.rate AS value
FROM w r JOIN w p ON r.recent AND NOT p.recent
WHERE r.n >= $3 AND p.n >= $3
