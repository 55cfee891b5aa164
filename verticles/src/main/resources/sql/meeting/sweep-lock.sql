-- Only one node sweeps presence at a time ($1: the sweep's advisory lock); the conditional update keeps it right
-- even if two did.
SELECT pg_try_advisory_xact_lock($1)
