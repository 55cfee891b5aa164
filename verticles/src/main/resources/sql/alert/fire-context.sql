-- What a new firing of rule $1 (code), kind $2, on subject $3 at severity $4 needs to know: the silence that
-- covers it, if any, and the group it joins — for a system, the group of an open outage of a system it depends
-- on (WAN, DATACENTER: the common cause), else its own.
SELECT (SELECT s.id FROM alert_silence s
        WHERE s.starts_at <= now() AND s.ends_at > now()
          AND (s.rule_code IS NULL OR s.rule_code = $1) AND (s.kind IS NULL OR s.kind = $2)
          AND (s.subject IS NULL OR s.subject = $3) AND (s.severity IS NULL OR s.severity = $4)
        ORDER BY s.ends_at DESC LIMIT 1) AS silence_id,
       (SELECT a.group_key FROM alert a JOIN city_system c ON c.code = $3
        WHERE a.kind = 'system_down' AND a.state <> 'resolved' AND a.subject = ANY (c.depends_on)
        ORDER BY a.first_fired_at, a.id LIMIT 1) AS upstream_group
