-- The targets the city is judged on (V0006), with their names for the screen.
SELECT kpi, target, unit, name_vi, name_en
FROM kpi_target
ORDER BY kpi
