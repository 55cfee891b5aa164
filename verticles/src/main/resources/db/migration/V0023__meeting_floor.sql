-- Briefings: who has the floor (the chair gives it to a raised hand; null when nobody does). Giving the floor lowers
-- that person's hand; ending the meeting clears it.
ALTER TABLE meeting ADD COLUMN floor text;
