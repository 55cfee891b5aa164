-- When each ingestion API key was last used (auth/, issue 17: the admin page lists it). Each node notes the keys
-- that authenticated and writes the latest time every few seconds (apiKeys.refreshMs) and before it lists the keys,
-- so a busy key costs one UPDATE per interval, not one per request. NULL: never used.
ALTER TABLE api_key ADD COLUMN last_used_at timestamptz;
