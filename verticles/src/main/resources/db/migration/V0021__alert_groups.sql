-- What alert/ publishes for the capabilities that act on outages (oncall/): the open alert groups, one row each,
-- as a read-only view. alert/ owns the alert table; a reader of outages reads this view and nothing else of it, so
-- alert/ may change its tables as long as the view keeps its columns.
--   group_key          the group (system:WAN: everything behind WAN is one group; subject:<code> for a KPI)
--   root_system        the system a system:<code> group is named after (null for a KPI group)
--   alert_ids          its open alerts, oldest firing first
--   systems            the systems of its open system alerts, oldest firing first (a system may repeat)
--   open_count         open alerts; unsilenced_count: of them not silenced; firing_count: of those not acknowledged
--   started_at         the earliest (latest re)firing of its open alerts
--   acknowledged_at/by when every unsilenced open alert is acknowledged: the latest acknowledgement and who made it
--                      (else null)
--   severity           the highest severity of its unsilenced open alerts (of all, when all are silenced)
--   lead_alert_id      the alert that stands for the group: the root system's outage if open, else the oldest
--   title_vi/title_en  the lead alert's titles
CREATE VIEW alert_group_open AS
WITH open AS (
    SELECT a.*, CASE WHEN a.group_key LIKE 'system:%' THEN substr(a.group_key, 8) END AS root,
           array_position(ARRAY['info', 'warning', 'critical'], a.severity) AS rank
    FROM alert a
    WHERE a.state <> 'resolved'
), grouped AS (
    SELECT o.group_key,
           min(o.root) AS root_system,
           array_agg(o.id ORDER BY o.fired_at, o.id) AS alert_ids,
           coalesce(array_agg(o.subject ORDER BY o.fired_at, o.id)
                        FILTER (WHERE o.kind IN ('system_down', 'system_degraded', 'latency_high')), '{}') AS systems,
           count(*) AS open_count,
           count(*) FILTER (WHERE o.silence_id IS NULL) AS unsilenced_count,
           count(*) FILTER (WHERE o.silence_id IS NULL AND o.state = 'firing') AS firing_count,
           min(o.fired_at) AS started_at,
           max(o.acknowledged_at) FILTER (WHERE o.silence_id IS NULL) AS last_acknowledged_at,
           (array_agg(o.acknowledged_by ORDER BY o.acknowledged_at DESC NULLS LAST, o.id)
                FILTER (WHERE o.silence_id IS NULL))[1] AS last_acknowledged_by,
           (array_agg(o.severity ORDER BY (o.silence_id IS NULL) DESC, o.rank DESC))[1] AS severity,
           (array_agg(o.id ORDER BY (o.subject = o.root AND o.kind = 'system_down') DESC, o.fired_at, o.id))[1]
               AS lead_alert_id
    FROM open o
    GROUP BY o.group_key
)
SELECT g.group_key, g.root_system, g.alert_ids, g.systems, g.open_count, g.unsilenced_count, g.firing_count,
       g.started_at,
       CASE WHEN g.firing_count = 0 AND g.unsilenced_count > 0 THEN g.last_acknowledged_at END AS acknowledged_at,
       CASE WHEN g.firing_count = 0 AND g.unsilenced_count > 0 THEN g.last_acknowledged_by END AS acknowledged_by,
       g.severity, g.lead_alert_id, l.title_vi, l.title_en
FROM grouped g
JOIN alert l ON l.id = g.lead_alert_id;

-- A rule's webhook speaks cityops' own body (default) or the Alertmanager webhook v4 payload, so the bridges
-- written for Alertmanager (Telegram, Zalo, PagerDuty, MS Teams) read it unchanged.
ALTER TABLE alert_rule ADD COLUMN webhook_format text NOT NULL DEFAULT 'cityops'
    CHECK (webhook_format IN ('cityops', 'alertmanager'));
