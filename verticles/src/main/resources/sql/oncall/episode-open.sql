-- Opens an outage for every alert group (alert/'s view alert_group_open) that has an open, unsilenced alert of a
-- system a team owns and no open outage yet. The owner: the team of the group's root system (system:WAN → WAN),
-- else of its oldest system a team owns. The partial unique index (one open outage per group) lets one of several
-- nodes doing this at once win. opened_at: when the group's alerts fired; the escalation clock starts now, when the
-- outage becomes pageable (within a pass of the firing, or when a silence ends, a team comes to own the system, or
-- the nodes start again after a stop), so an outage that could not page before does not page every step at once.
INSERT INTO oncall_episode (group_key, team_id, opened_at, escalation_from, alert_ids, system_code, systems,
                            lead_alert_id, title_vi, title_en, severity)
SELECT g.group_key, owner.team_id, g.started_at, now(), g.alert_ids, owner.code, g.systems, g.lead_alert_id,
       g.title_vi, g.title_en, g.severity
FROM alert_group_open g
JOIN LATERAL (SELECT s.code, ts.team_id
              FROM unnest(array_prepend(g.root_system, g.systems)) WITH ORDINALITY AS s (code, n)
              JOIN oncall_team_system ts ON ts.system_code = s.code
              ORDER BY s.n LIMIT 1) owner ON true
WHERE g.unsilenced_count > 0
  AND NOT EXISTS (SELECT 1 FROM oncall_episode e WHERE e.group_key = g.group_key AND e.closed_at IS NULL)
ON CONFLICT (group_key) WHERE closed_at IS NULL DO NOTHING
