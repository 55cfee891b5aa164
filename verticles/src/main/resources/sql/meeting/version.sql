-- A change of meeting $1 made in another table (a stay, a decision, a task): its version moves with it.
UPDATE meeting SET version = version + 1 WHERE id = $1
