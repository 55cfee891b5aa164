-- Wall displays (kiosk mode): a display is a user with the read-only 'display' role, signed in by a
-- long-lived display token an admin issues (a user_session row like any sign-in, so revoking it is ending
-- that session). It has no usable password: its hash is of random bytes nobody was shown.
ALTER TABLE app_user DROP CONSTRAINT app_user_roles_check;
ALTER TABLE app_user ADD CONSTRAINT app_user_roles_check CHECK (cardinality(roles) > 0
    AND roles <@ ARRAY['operator', 'leader', 'sre', 'agency', 'admin', 'display']);
