-- The national procedure catalogue: how many procedures, and how many are integrated and published on the
-- national public-service portal. Codes first seen in dossiers are in the catalogue, not on the portal.
SELECT count(*) AS procedures,
       count(*) FILTER (WHERE on_national_portal) AS on_national_portal
FROM procedure
