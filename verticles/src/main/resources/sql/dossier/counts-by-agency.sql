-- Dossier counts per agency for the period [$1, $2) as of the instant $3, for the agencies in $4 (every
-- agency when $4 is null); agencies with nothing to count are absent. Rates and shares are computed from
-- these counts in Java (KpiCalculator), so a city, a level or a district is the sum of its agencies' rows.
-- Only rows that count somewhere are read: received in the period, completed or returned in it, or open
-- now. Each arm of that OR has its own index (V0003, V0006), so a day's figures read a day's rows and the
-- open ones, not the whole history.
SELECT agency_code,
       count(*) FILTER (WHERE received_at >= $1 AND received_at < $2) AS received,
       count(*) FILTER (WHERE received_at >= $1 AND received_at < $2
                          AND stage IN ('received', 'in_progress')) AS in_progress,
       count(*) FILTER (WHERE received_at >= $1 AND received_at < $2
                          AND channel IN ('online_full', 'online_partial')) AS received_online,
       count(*) FILTER (WHERE stage = 'completed' AND completed_at >= $1 AND completed_at < $2
                          AND completed_at <= due_at) AS completed_on_time,
       count(*) FILTER (WHERE stage = 'completed' AND completed_at >= $1 AND completed_at < $2
                          AND completed_at > due_at) AS completed_late,
       coalesce(extract(epoch FROM sum(completed_at - received_at)
                    FILTER (WHERE stage = 'completed' AND completed_at >= $1 AND completed_at < $2)), 0)
           AS processing_seconds,
       count(*) FILTER (WHERE stage = 'returned' AND occurred_at >= $1 AND occurred_at < $2) AS returned,
       count(*) FILTER (WHERE stage IN ('received', 'in_progress')) AS backlog,
       count(*) FILTER (WHERE stage IN ('received', 'in_progress') AND due_at < $3) AS overdue_now
FROM dossier_state
WHERE ($4::text[] IS NULL OR agency_code = ANY ($4::text[]))
  AND (received_at >= $1 AND received_at < $2
       OR stage = 'completed' AND completed_at >= $1 AND completed_at < $2
       OR stage = 'returned' AND occurred_at >= $1 AND occurred_at < $2
       OR stage IN ('received', 'in_progress'))
GROUP BY agency_code
