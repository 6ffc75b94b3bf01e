-- A registration's answers are written before the event's lock is taken, out
-- of the section every registration of the event waits for
-- (lib/registrations/mutations.ts, insertRegistration): their foreign key to
-- the registration is checked at the commit, when the registration exists.
ALTER TABLE "registration_answer" ALTER CONSTRAINT "registration_answer_registration_id_fkey" DEFERRABLE INITIALLY DEFERRED;
