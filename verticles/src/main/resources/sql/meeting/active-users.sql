-- Which of the usernames $1 are active users (a meeting's chair, secretary and invited people must be).
SELECT username FROM app_user WHERE username = ANY($1) AND active
