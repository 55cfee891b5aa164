-- Open dossiers past their due date at $1 per district (a district's own and its communes'), district $2 or all.
SELECT CASE WHEN a.level = 'district' THEN a.code ELSE a.parent_code END AS subject, count(*)::float8 AS value
FROM dossier_state d JOIN agency a ON a.code = d.agency_code
WHERE d.stage IN ('received', 'in_progress') AND d.due_at < $1 AND a.level IN ('district', 'commune')
  AND ($2::text IS NULL OR (CASE WHEN a.level = 'district' THEN a.code ELSE a.parent_code END) = $2)
GROUP BY 1
