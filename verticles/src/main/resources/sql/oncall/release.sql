-- Outages $1 are held by no window now (one ended early, was deleted): their escalation clock starts now if a hold
-- had set it later.
UPDATE oncall_episode SET escalation_from = now() WHERE id = ANY ($1::bigint[]) AND escalation_from > now()
