-- The alerts the alerts topic starts with: the open ones, and those resolved within the last $1 seconds.
SELECT * FROM alert WHERE state <> 'resolved' OR resolved_at > now() - make_interval(secs => $1)
