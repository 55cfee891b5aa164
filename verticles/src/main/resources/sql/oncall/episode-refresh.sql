-- Keeps each open outage up to date with its group: every alert seen in it, what its messages say, and its
-- acknowledgement, which once made stays (an alert joining an acknowledged outage does not restart the climb).
-- Writes only what changed.
UPDATE oncall_episode e
SET alert_ids = ARRAY(SELECT DISTINCT x FROM unnest(e.alert_ids || g.alert_ids) AS x ORDER BY x),
    systems = g.systems, lead_alert_id = g.lead_alert_id, title_vi = g.title_vi, title_en = g.title_en,
    severity = g.severity,
    acknowledged_at = coalesce(e.acknowledged_at, g.acknowledged_at),
    acknowledged_by = CASE WHEN e.acknowledged_at IS NULL THEN g.acknowledged_by ELSE e.acknowledged_by END
FROM alert_group_open g
WHERE e.group_key = g.group_key AND e.closed_at IS NULL
  AND (NOT g.alert_ids <@ e.alert_ids OR e.systems <> g.systems OR e.lead_alert_id <> g.lead_alert_id
       OR e.title_vi <> g.title_vi OR e.severity <> g.severity
       OR (e.acknowledged_at IS NULL AND g.acknowledged_at IS NOT NULL))
