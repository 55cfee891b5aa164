-- Everyone paged (or reminded) in outage $1 or in the outages merged into it: whom its all-clear goes to.
WITH RECURSIVE tree AS (
    SELECT id FROM oncall_episode WHERE id = $1
    UNION
    SELECT e.id FROM oncall_episode e JOIN tree t ON e.merged_into = t.id
)
SELECT DISTINCT p.username FROM oncall_page p JOIN tree t ON t.id = p.episode_id
WHERE p.kind IN ('page', 'reminder') AND p.state IN ('sent', 'claimed')
ORDER BY p.username
