-- A resolved alert firing again within its rule's reopen window ($2 seconds) reopens instead of duplicating:
-- firing again, unacknowledged, at its base severity, counted again.
UPDATE alert SET state = 'firing', fired_at = now(), acknowledged_by = NULL, acknowledged_at = NULL,
                 acknowledge_note = NULL, resolved_by = NULL, resolved_at = NULL, resolve_note = NULL,
                 severity = $3, base_severity = $3, escalation_level = 0, escalated_at = NULL, silence_id = $4,
                 group_key = $5, value = $6, title_vi = $7, title_en = $8, count = count + 1,
                 last_evaluated_at = now(), updated_at = now(), version = version + 1
WHERE id = (SELECT id FROM alert
            WHERE dedup_key = $1 AND state = 'resolved' AND resolved_at > now() - make_interval(secs => $2)
            ORDER BY resolved_at DESC LIMIT 1)
  AND state = 'resolved'
  AND NOT EXISTS (SELECT 1 FROM alert o WHERE o.dedup_key = $1 AND o.state <> 'resolved')
RETURNING *
