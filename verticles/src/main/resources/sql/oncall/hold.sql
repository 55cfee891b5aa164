-- Maintenance window $2's occurrence [$3, $4) (reason $5) holds outage $1: recorded once per occurrence, and the
-- outage's escalation clock starts again when the occurrence ends (pages resume then if it is not over).
WITH held AS (
    INSERT INTO oncall_hold (episode_id, window_id, occurrence_start, occurrence_end, reason)
    VALUES ($1, $2, $3, $4, $5)
    ON CONFLICT DO NOTHING
)
UPDATE oncall_episode SET escalation_from = $4
WHERE id = $1 AND escalation_from < $4 AND acknowledged_at IS NULL
