-- The status-change cursor (V0018), locked until the repair's transaction ends: a node repairing waits for
-- another one's repair to commit, then reads the cursor it left, and its repair statement (a later snapshot)
-- sees every event that one read.
SELECT tx::text, seq FROM status_change_cursor FOR UPDATE
