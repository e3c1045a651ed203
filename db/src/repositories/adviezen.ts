import { and, count, desc, eq, gte, lt, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { addDays, amsterdamDate, amsterdamStartOfDay, type AdviesKanaal, type Beroep, type DuurGeweld, type Geweldsvorm, type Sector } from '../domain/index.ts';
import { adviezen, meldingen } from '../schema/index.ts';
import { writeAudit, type Actor } from './audit.ts';
import { nextReference } from './references.ts';

export interface AdviesInput {
  kanaal: AdviesKanaal;
  startedAt: string;
  endedAt?: string;
  vragerType: 'professional' | 'omstander' | 'slachtoffer' | 'pleger' | 'familie' | 'onbekend';
  sector?: Sector;
  beroep?: Beroep;
  duurGeweld?: DuurGeweld;
  /** The gemeente of the situation (CBS counts adviezen per gemeente). */
  gemeente?: string;
  anoniem: boolean;
  vrager?: { naam?: string; telefoon?: string; email?: string; organisatie?: string };
  geweldsvormen: Geweldsvorm[];
  samenvatting: string;
  adviesGegeven: string;
  uitkomst: 'afgesloten' | 'doorverwezen' | 'omgezet_in_melding';
}

export async function insertAdvies(tx: DbOrTx, input: AdviesInput, ctx: { actor: Actor; now?: Date; ip?: string | null }) {
  const now = ctx.now ?? new Date();
  const reference = await nextReference(tx, 'A', Number(amsterdamDate(now).slice(0, 4)));
  const v = input.anoniem ? undefined : input.vrager;
  const [row] = await tx
    .insert(adviezen)
    .values({
      reference,
      kanaal: input.kanaal,
      startedAt: new Date(input.startedAt),
      endedAt: input.endedAt ? new Date(input.endedAt) : null,
      vragerType: input.vragerType,
      sector: input.sector ?? null,
      beroep: input.beroep ?? null,
      duurGeweld: input.duurGeweld ?? null,
      gemeenteCode: input.gemeente ?? null,
      anoniem: input.anoniem,
      vragerNaam: v?.naam ?? null,
      vragerTelefoon: v?.telefoon ?? null,
      vragerEmail: v?.email ?? null,
      vragerOrganisatie: v?.organisatie ?? null,
      geweldsvormen: input.geweldsvormen,
      samenvatting: input.samenvatting,
      adviesGegeven: input.adviesGegeven,
      uitkomst: input.uitkomst,
      createdBy: ctx.actor.type === 'user' ? ctx.actor.id : null,
      createdAt: now,
    })
    .returning({ id: adviezen.id, reference: adviezen.reference });
  await writeAudit(tx, ctx.actor, { action: 'create', subjectType: 'advies', subjectId: row!.id, ip: ctx.ip ?? null, purpose: 'advieslijn' });
  return row!;
}

export async function findAdvies(db: DbOrTx, id: string) {
  const [row] = await db
    .select({ advies: adviezen, meldingId: meldingen.id })
    .from(adviezen)
    .leftJoin(meldingen, eq(meldingen.adviesId, adviezen.id))
    .where(eq(adviezen.id, id));
  return row;
}

export interface AdviesFilter {
  from?: string;
  to?: string;
  kanaal?: AdviesKanaal;
  /** Only those logged by this user. */
  createdBy?: string;
  page: number;
  pageSize: number;
}

/** Newest first; `from` and `to` are Amsterdam calendar dates, both inclusive. */
export async function listAdviezen(db: DbOrTx, f: AdviesFilter) {
  const where: SQL[] = [];
  if (f.from) where.push(gte(adviezen.startedAt, amsterdamStartOfDay(f.from)));
  if (f.to) where.push(lt(adviezen.startedAt, amsterdamStartOfDay(addDays(f.to, 1))));
  if (f.kanaal) where.push(eq(adviezen.kanaal, f.kanaal));
  if (f.createdBy) where.push(eq(adviezen.createdBy, f.createdBy));
  const cond = where.length ? and(...where) : undefined;
  const [items, [total]] = await Promise.all([
    db
      .select({
        id: adviezen.id,
        reference: adviezen.reference,
        kanaal: adviezen.kanaal,
        startedAt: adviezen.startedAt,
        vragerType: adviezen.vragerType,
        anoniem: adviezen.anoniem,
        geweldsvormen: adviezen.geweldsvormen,
        uitkomst: adviezen.uitkomst,
        meldingId: meldingen.id,
        meldingReference: meldingen.reference,
      })
      .from(adviezen)
      .leftJoin(meldingen, eq(meldingen.adviesId, adviezen.id))
      .where(cond)
      .orderBy(desc(adviezen.startedAt))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ n: count() }).from(adviezen).where(cond),
  ]);
  return { items, total: total?.n ?? 0 };
}
