-- Feedback (phản ánh, kiến nghị) counts for the period [$1, $2) as of the instant $3, filtered by district $4,
-- category $5, assigned agency $6 and channel $7 (each ignored when null): in one pass the totals
-- (grouping_set 7) and the breakdowns by district (3), category (5) and channel (6).
--   received: first seen in the period; open: not answered now; overdue: open and past due now;
--   answered: answered in the period (its answering event, the latest, in the period), with the time from
--   first seen to answer and the ratings given.
-- Only rows that count somewhere are read; each arm of the OR has an index (V0006).
SELECT grouping(district_code, category, channel) AS grouping_set,
       district_code, category, channel,
       count(*) FILTER (WHERE first_seen_at >= $1 AND first_seen_at < $2) AS received,
       count(*) FILTER (WHERE status <> 'answered') AS open,
       count(*) FILTER (WHERE status <> 'answered' AND due_at < $3) AS overdue,
       count(*) FILTER (WHERE status = 'answered' AND occurred_at >= $1 AND occurred_at < $2) AS answered,
       coalesce(extract(epoch FROM sum(occurred_at - first_seen_at)
                    FILTER (WHERE status = 'answered' AND occurred_at >= $1 AND occurred_at < $2)), 0)
           AS answer_seconds,
       coalesce(sum(rating) FILTER (WHERE status = 'answered' AND occurred_at >= $1 AND occurred_at < $2), 0)
           AS rating_sum,
       count(rating) FILTER (WHERE status = 'answered' AND occurred_at >= $1 AND occurred_at < $2) AS rated
FROM feedback_state
WHERE ($4::text IS NULL OR district_code = $4)
  AND ($5::text IS NULL OR category = $5)
  AND ($6::text IS NULL OR agency_code = $6)
  AND ($7::text IS NULL OR channel = $7)
  AND (first_seen_at >= $1 AND first_seen_at < $2
       OR status <> 'answered'
       OR status = 'answered' AND occurred_at >= $1 AND occurred_at < $2)
GROUP BY GROUPING SETS ((), (district_code), (category), (channel))
