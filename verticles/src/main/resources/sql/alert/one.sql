-- Alert $1 as stored (to say why a change was refused).
SELECT * FROM alert WHERE id = $1
