-- Takes over for node $1 (lease $2 seconds) the claims whose node stopped renewing its lease (it died or lost
-- PostgreSQL mid-send): SKIP LOCKED lets each node take different ones.
UPDATE oncall_page p SET claimed_by = $1, lease_until = now() + make_interval(secs => $2), takeovers = p.takeovers + 1
FROM (SELECT id FROM oncall_page WHERE state = 'claimed' AND lease_until < now() ORDER BY id LIMIT 50
      FOR UPDATE SKIP LOCKED) due
WHERE p.id = due.id
RETURNING p.*
