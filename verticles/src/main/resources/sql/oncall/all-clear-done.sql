-- Outage $1's all-clear messages are claimed.
UPDATE oncall_episode SET all_clear_done = true WHERE id = $1
