-- A password reset by an admin or an operator is one-time: the user must choose a new one at next sign-in.
ALTER TABLE "users" ADD COLUMN "must_change_password" BOOLEAN NOT NULL DEFAULT false;
