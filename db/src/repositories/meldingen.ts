import { randomUUID } from 'node:crypto';
import { and, asc, count, desc, eq, inArray, lt, not, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import {
  amsterdamDate,
  berekenDeadlines,
  normaliseHuisnummer,
  normalisePostcode,
  type BetrokkeneRol,
  type Geweldsvorm,
  type MeldingKanaal,
  type MeldingStatus,
  type Veiligheid,
  type WerkdagKalender,
} from '../domain/index.ts';
import { beoordelingen, betrokkenen, gemeenten, meldingen, meldingEvents, teams, type Melding } from '../schema.ts';
import { writeAudit, type Actor } from './audit.ts';
import { addToOutbox } from './outbox.ts';
import { lifecycleOf } from './lifecycle.ts';
import { assignMeldingReference } from './references.ts';

/** A melding as it comes in (the contract's POST body). */
export interface MeldingInput {
  receivedAt?: string;
  kanaal: MeldingKanaal;
  melder: {
    type: 'professional' | 'niet_professional';
    rol?: 'omstander' | 'slachtoffer' | 'pleger' | 'familie';
    sector?: 'politie' | 'zorg' | 'ggz' | 'onderwijs' | 'jeugdhulp' | 'kinderopvang' | 'overig';
    naam: string;
    organisatie?: string;
    telefoon?: string;
    email?: string;
    anoniemNaarHuishouden: boolean;
  };
  huishouden: { adres: { straat: string; huisnummer: string; postcode: string; plaats: string }; gemeente: string };
  betrokkenen: { rol: BetrokkeneRol; voornaam: string; achternaam: string; geboortedatum?: string }[];
  geweldsvormen: Geweldsvorm[];
  veiligheid?: Veiligheid;
  toelichting?: string;
}

export interface CreateContext {
  actor: Actor;
  kalender: WerkdagKalender;
  now?: Date;
  ip?: string | null;
  adviesId?: string | null;
}

/** Formats an address postcode the Dutch way: "7511 AB". */
const formatPostcode = (p: string) => {
  const n = normalisePostcode(p);
  return `${n.slice(0, 4)} ${n.slice(4)}`;
};

/**
 * Saves a melding with its betrokkenen, its `ontvangen` history event, an audit row and the outbox row that
 * starts triage — all in the caller's transaction, so they are committed together or not at all.
 */
export async function insertMelding(tx: DbOrTx, input: MeldingInput, ctx: CreateContext) {
  const now = ctx.now ?? new Date();
  const receivedAt = input.receivedAt ? new Date(input.receivedAt) : now;
  const deadlines = berekenDeadlines(receivedAt, null, ctx.kalender);
  const [beoordelingTeam] = await tx.select({ id: teams.id }).from(teams).where(eq(teams.kind, 'beoordeling')).limit(1);
  const m = input.melder;
  const a = input.huishouden.adres;
  const id = randomUUID();
  const [row] = await tx
    .insert(meldingen)
    .values({
      id,
      // The gap-free number is taken last (below): its counter row stays locked until commit, so every other
      // intake waits for as short a time as possible.
      reference: `pending-${id}`,
      kanaal: input.kanaal,
      receivedAt,
      createdAt: now,
      updatedAt: now,
      createdByUserId: ctx.actor.type === 'user' ? ctx.actor.id : null,
      createdByClientId: ctx.actor.type === 'client' ? ctx.actor.id : null,
      adviesId: ctx.adviesId ?? null,
      melderType: m.type,
      melderRol: m.rol ?? null,
      melderSector: m.sector ?? null,
      melderNaam: m.naam,
      melderOrganisatie: m.organisatie ?? null,
      melderTelefoon: m.telefoon ?? null,
      melderEmail: m.email ?? null,
      anoniemNaarHuishouden: m.anoniemNaarHuishouden,
      straat: a.straat,
      huisnummer: a.huisnummer,
      postcode: formatPostcode(a.postcode),
      plaats: a.plaats,
      gemeenteCode: input.huishouden.gemeente,
      postcodeNorm: normalisePostcode(a.postcode),
      huisnummerNorm: normaliseHuisnummer(a.huisnummer),
      geweldsvormen: input.geweldsvormen,
      veiligheid: input.veiligheid ?? {},
      toelichting: input.toelichting ?? '',
      teamId: beoordelingTeam?.id ?? null,
      beoordelingDueDate: deadlines.beoordelingDueDate,
      beoordelingDueAt: deadlines.beoordelingDueAt,
      responseDueAt: deadlines.responseDueAt,
    })
    .returning({ id: meldingen.id, reference: meldingen.reference, status: meldingen.status, receivedAt: meldingen.receivedAt });
  const melding = row!;
  await tx.insert(betrokkenen).values(
    input.betrokkenen.map((b, i) => ({
      meldingId: melding.id,
      volgorde: i,
      rol: b.rol,
      voornaam: b.voornaam,
      achternaam: b.achternaam,
      geboortedatum: b.geboortedatum ?? null,
    })),
  );
  await tx.insert(meldingEvents).values({
    meldingId: melding.id,
    at: now,
    type: 'ontvangen',
    actorId: ctx.actor.id,
    data: { kanaal: input.kanaal, via: ctx.actor.type, ...(ctx.adviesId ? { adviesId: ctx.adviesId } : {}) },
  });
  await writeAudit(tx, ctx.actor, { action: 'create', subjectType: 'melding', subjectId: melding.id, ip: ctx.ip ?? null, purpose: 'intake' });
  await addToOutbox(tx, 'melding.received', melding.id, { meldingId: melding.id });
  const reference = await assignMeldingReference(tx, melding.id, Number(amsterdamDate(now).slice(0, 4)));
  return { ...melding, reference };
}

/** Everything the case view needs, in as few round trips as the data allows. */
export async function findMeldingDetail(db: DbOrTx, id: string) {
  const [row] = await db
    .select({
      melding: meldingen,
      gemeenteNaam: gemeenten.naam,
      team: { id: teams.id, kind: teams.kind, naam: teams.naam, gemeente: teams.gemeenteCode },
    })
    .from(meldingen)
    .innerJoin(gemeenten, eq(gemeenten.code, meldingen.gemeenteCode))
    .leftJoin(teams, eq(teams.id, meldingen.teamId))
    .where(eq(meldingen.id, id));
  if (!row) return undefined;
  const [persons, [beoordeling], lifecycle] = await Promise.all([
    db.select().from(betrokkenen).where(eq(betrokkenen.meldingId, id)).orderBy(asc(betrokkenen.volgorde)),
    db.select().from(beoordelingen).where(eq(beoordelingen.meldingId, id)).orderBy(desc(beoordelingen.decidedAt)).limit(1),
    lifecycleOf(db, id),
  ]);
  return { ...row, team: row.team?.id ? row.team : null, betrokkenen: persons, beoordeling: beoordeling ?? null, lifecycle };
}
export type MeldingDetail = NonNullable<Awaited<ReturnType<typeof findMeldingDetail>>>;

export interface MeldingFilter {
  status?: MeldingStatus;
  band?: Melding['band'];
  route?: Melding['route'];
  gemeente?: string;
  overdue?: boolean;
  page: number;
  pageSize: number;
  now?: Date;
}

/** Newest first. `overdue` means: not yet assessed past beoordelingDueAt. */
export async function listMeldingen(db: DbOrTx, f: MeldingFilter) {
  const now = f.now ?? new Date();
  const notAssessed = inArray(meldingen.status, ['ontvangen', 'triage_voorgesteld']);
  const where: SQL[] = [];
  if (f.status) where.push(eq(meldingen.status, f.status));
  if (f.band) where.push(eq(meldingen.band, f.band));
  if (f.route) where.push(eq(meldingen.route, f.route));
  if (f.gemeente) where.push(eq(meldingen.gemeenteCode, f.gemeente));
  if (f.overdue === true) where.push(and(notAssessed, lt(meldingen.beoordelingDueAt, now))!);
  if (f.overdue === false) where.push(not(and(notAssessed, lt(meldingen.beoordelingDueAt, now))!));
  const cond = where.length ? and(...where) : undefined;
  const [items, [total]] = await Promise.all([
    db
      .select({
        id: meldingen.id,
        reference: meldingen.reference,
        status: meldingen.status,
        kanaal: meldingen.kanaal,
        receivedAt: meldingen.receivedAt,
        gemeente: meldingen.gemeenteCode,
        band: meldingen.band,
        route: meldingen.route,
        beoordelingDueAt: meldingen.beoordelingDueAt,
      })
      .from(meldingen)
      .where(cond)
      .orderBy(desc(meldingen.receivedAt), desc(meldingen.reference))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ n: count() }).from(meldingen).where(cond),
  ]);
  return {
    items: items.map((i) => ({
      ...i,
      overdue: (i.status === 'ontvangen' || i.status === 'triage_voorgesteld') && i.beoordelingDueAt < now,
    })),
    total: total?.n ?? 0,
  };
}

export async function listHistorie(db: DbOrTx, meldingId: string) {
  return db
    .select({ at: meldingEvents.at, type: meldingEvents.type, actorId: meldingEvents.actorId, data: meldingEvents.data })
    .from(meldingEvents)
    .where(eq(meldingEvents.meldingId, meldingId))
    .orderBy(asc(meldingEvents.id));
}
