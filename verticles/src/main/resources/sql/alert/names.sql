-- The names of the systems and agencies, for the titles of alerts.
SELECT code, name_vi, name_en FROM city_system
UNION ALL
SELECT code, name_vi, name_en FROM agency
