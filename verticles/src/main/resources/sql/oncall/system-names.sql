-- Every city system's names, for the messages.
SELECT code, name_vi, name_en FROM city_system ORDER BY code
