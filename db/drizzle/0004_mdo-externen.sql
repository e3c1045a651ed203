-- Issue #16: an MDO records its participants from outside Veilig Thuis (police, wijkteam, school) by name and organisation.
ALTER TABLE "mdo_overleggen" ADD COLUMN "externe_deelnemers" text;