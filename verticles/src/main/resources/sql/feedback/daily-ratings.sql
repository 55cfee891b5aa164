-- Ratings of answered feedback per Hanoi calendar day in [$1, $2), from the event log: each feedback counts
-- once, with the rating of its latest answering event in the window. The filters ($3 district, $4 category,
-- $5 agency, $6 channel; each ignored when null) apply to the feedback as it stands now (feedback_state),
-- the same as the summary's.
SELECT (latest.occurred_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS day,
       sum(latest.rating) AS rating_sum,
       count(*) AS rated
FROM (
    SELECT DISTINCT ON (e.payload ->> 'feedbackId') e.occurred_at, (e.payload ->> 'rating')::integer AS rating,
           e.payload ->> 'feedbackId' AS feedback_id
    FROM event e
    WHERE e.type = 'feedback' AND e.status = 'answered'
      AND e.occurred_at >= $1 AND e.occurred_at < $2
      AND e.payload ->> 'rating' IS NOT NULL
    ORDER BY e.payload ->> 'feedbackId', e.occurred_at DESC, e.seq DESC
) latest
JOIN feedback_state f ON f.feedback_id = latest.feedback_id
WHERE ($3::text IS NULL OR f.district_code = $3)
  AND ($4::text IS NULL OR f.category = $4)
  AND ($5::text IS NULL OR f.agency_code = $5)
  AND ($6::text IS NULL OR f.channel = $6)
GROUP BY 1
ORDER BY 1
