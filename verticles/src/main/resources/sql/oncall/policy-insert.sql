-- A new policy $1 ($2 its name; repeat every $3 s, $4 times; remind every $5 s); nothing when the code is taken.
INSERT INTO escalation_policy (code, name, repeat_seconds, repeats, remind_seconds)
VALUES ($1, $2, $3, $4, $5)
ON CONFLICT (code) DO NOTHING
RETURNING id
