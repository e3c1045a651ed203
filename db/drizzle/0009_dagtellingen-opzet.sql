-- Issue #18: each stored day count records the layout it was counted in; a day of an older layout is counted again.
ALTER TABLE "rapportage_dag_stand" ADD COLUMN "opzet" integer DEFAULT 0 NOT NULL;