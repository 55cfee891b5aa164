-- Node $2 is still sending the pages $1: their leases run $3 seconds more.
UPDATE oncall_page SET lease_until = now() + make_interval(secs => $3)
WHERE id = ANY ($1::bigint[]) AND claimed_by = $2 AND state = 'claimed'
