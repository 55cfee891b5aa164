-- Closes the open outages whose group has no open alert any more: resolved, or merged when some of its alerts are
-- open in another group (an outage upstream, e.g. WAN, gathered them): then it points at that group's open outage,
-- which sends the all-clear for both, and needs none of its own. The row lock and the re-checked condition let one
-- node close each.
UPDATE oncall_episode e
SET closed_at = now(),
    close_reason = CASE WHEN c.merged THEN 'merged' ELSE 'resolved' END,
    merged_into = c.into_id,
    all_clear_done = c.merged
FROM (SELECT o.id,
             EXISTS (SELECT 1 FROM alert_group_open g WHERE g.alert_ids && o.alert_ids) AS merged,
             (SELECT n.id FROM oncall_episode n JOIN alert_group_open g ON g.group_key = n.group_key
              WHERE n.closed_at IS NULL AND n.id <> o.id AND g.alert_ids && o.alert_ids
              ORDER BY n.id LIMIT 1) AS into_id
      FROM oncall_episode o
      WHERE o.closed_at IS NULL
        AND NOT EXISTS (SELECT 1 FROM alert_group_open g WHERE g.group_key = o.group_key)) c
WHERE e.id = c.id AND e.closed_at IS NULL
