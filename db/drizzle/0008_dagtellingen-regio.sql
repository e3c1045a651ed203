-- Issue #18: the day counts hold the whole region ('*') beside each gemeente, keyed by gemeente first, so a report for
-- the region or one gemeente reads one index range; counted anew.
TRUNCATE "rapportage_dagen", "rapportage_dag_stand";--> statement-breakpoint
ALTER TABLE "rapportage_dagen" DROP CONSTRAINT "rapportage_dagen_dag_gemeente_categorie_code_pk";--> statement-breakpoint
ALTER TABLE "rapportage_dagen" ADD CONSTRAINT "rapportage_dagen_gemeente_dag_categorie_code_pk" PRIMARY KEY("gemeente","dag","categorie","code");