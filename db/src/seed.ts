// Demo data (api.md, "Demo data"): the 14 Twente gemeenten, the teams, the demo users and API client, and a small
// realistic set of adviezen and meldingen over recent weeks. All persons are invented. Never in production.
import { asc, count, eq } from 'drizzle-orm';
import type { Db } from './client.ts';
import { amsterdamDate, duurGeweld, onderzoekDueDate, twenteGemeenten, type Beroep, type DuurGeweld, type Geweldsvorm, type Role, type Sector, type TeamKind, type VbUitkomst, type Veiligheid } from './domain/index.ts';
import { insertAdvies, type AdviesInput } from './repositories/adviezen.ts';
import { insertMelding, type MeldingInput } from './repositories/meldingen.ts';
import { loadKalender } from './repositories/kalender.ts';
import { refreshClock } from './repositories/lifecycle.ts';
import { apiClients, beoordelingen, chatStandaardteksten, dashboardTargets, gemeenten, mdoAgendapunten, mdoOverleggen, meldingEvents, meldingen, onderzoeken, overdrachten, teams, users } from './schema/index.ts';
import { hashPassword, sha256 } from './security/passwords.ts';

export interface SeedOptions {
  demoPassword: string;
  demoApiKey: string;
  /** Whether to add the sample adviezen and meldingen (only into an empty database). */
  withCases?: boolean;
  now?: Date;
}

const centralTeams: { kind: Exclude<TeamKind, 'wijkteam'>; naam: string }[] = [
  { kind: 'advieslijn', naam: 'Advieslijn' },
  { kind: 'beoordeling', naam: 'Veiligheidsbeoordeling' },
  { kind: 'crisisteam', naam: 'Crisisteam' },
  { kind: 'mdo', naam: 'MDO' },
  { kind: 'onderzoek', naam: 'Onderzoek' },
  { kind: 'monitoring', naam: 'Monitoring' },
];

const demoUsers: { email: string; naam: string; roles: Role[]; team: TeamKind; otherTeams?: TeamKind[]; gemeente?: string }[] = [
  { email: 'adviseur@demo.test', naam: 'Anouk Adviseur', roles: ['adviseur'], team: 'advieslijn' },
  { email: 'beoordelaar@demo.test', naam: 'Bram Beoordelaar', roles: ['beoordelaar'], team: 'beoordeling' },
  { email: 'chef@demo.test', naam: 'Chantal Chef', roles: ['chef_van_de_dag', 'beoordelaar'], team: 'crisisteam' },
  { email: 'crisis@demo.test', naam: 'Cas Crisisdienst', roles: ['crisisteam'], team: 'crisisteam' },
  { email: 'gw@demo.test', naam: 'Gerda Gedragswetenschapper', roles: ['gedragswetenschapper'], team: 'mdo' },
  // The case worker runs onderzoek and V&V (team onderzoek) and the monitoring after a handover.
  { email: 'medewerker@demo.test', naam: 'Mehmet Medewerker', roles: ['medewerker'], team: 'onderzoek', otherTeams: ['monitoring'] },
  { email: 'manager@demo.test', naam: 'Marieke Manager', roles: ['manager'], team: 'beoordeling' },
  { email: 'privacy@demo.test', naam: 'Pieter Privacy', roles: ['privacy_officer'], team: 'beoordeling' },
  { email: 'beheer@demo.test', naam: 'Bea Beheer', roles: ['beheerder'], team: 'beoordeling' },
  { email: 'wijkteam.enschede@demo.test', naam: 'Wim Wijkteam Enschede', roles: ['wijkteam'], team: 'wijkteam', gemeente: 'GM0153' },
  { email: 'wijkteam.hengelo@demo.test', naam: 'Hanna Wijkteam Hengelo', roles: ['wijkteam'], team: 'wijkteam', gemeente: 'GM0164' },
];

export async function seedDemo(db: Db, options: SeedOptions): Promise<{ users: number; adviezen: number; meldingen: number }> {
  if (process.env.NODE_ENV === 'production') throw new Error('Demo data is never seeded when NODE_ENV=production');
  await db.insert(gemeenten).values([...twenteGemeenten]).onConflictDoNothing();
  await db.insert(teams).values(centralTeams).onConflictDoNothing();
  await db
    .insert(teams)
    .values(twenteGemeenten.map((g) => ({ kind: 'wijkteam' as const, naam: `Wijkteam ${g.naam}`, gemeenteCode: g.code })))
    .onConflictDoNothing();
  const allTeams = await db.select().from(teams);
  const teamFor = (kind: TeamKind, gemeente?: string) =>
    allTeams.find((t) => t.kind === kind && (t.gemeenteCode ?? undefined) === gemeente)!.id;

  const passwordHash = await hashPassword(options.demoPassword);
  const inserted = await db
    .insert(users)
    .values(
      demoUsers.map((u) => ({
        email: u.email,
        naam: u.naam,
        roles: u.roles,
        passwordHash,
        teamId: teamFor(u.team, u.gemeente),
        otherTeamIds: (u.otherTeams ?? []).map((k) => teamFor(k)),
        gemeenteCode: u.gemeente ?? null,
      })),
    )
    .onConflictDoNothing()
    .returning({ id: users.id });
  await db
    .insert(apiClients)
    .values({ naam: 'Politie (ketenkoppeling, demo)', keyHash: sha256(options.demoApiKey), scopes: ['meldingen:create', 'ketenberichten'] })
    .onConflictDoNothing();
  // The chat console's standard texts (issue #21): what an adviseur writes many times a day.
  const [teksten] = await db.select({ n: count() }).from(chatStandaardteksten);
  if (teksten?.n === 0) await db.insert(chatStandaardteksten).values([
    { volgorde: 1, titel: 'Welkom', tekst: 'Hallo, je chat met Veilig Thuis. Fijn dat je ons schrijft. Je hoeft je naam niet te noemen. Waar wil je over praten?' },
    { volgorde: 2, titel: 'Veilig nu?', tekst: 'Ben je nu op een veilige plek? Bij direct gevaar: bel 112.' },
    { volgorde: 3, titel: 'Zelf melden', tekst: 'Via de chat kunnen wij geen melding maken, want de chat is anoniem. Wil je een melding doen? Bel ons gratis op 0800-2000, dag en nacht.' },
    { volgorde: 4, titel: 'Afsluiten', tekst: 'Dank je wel voor je vertrouwen. Je kunt altijd opnieuw chatten of bellen: 0800-2000.' },
  ]);

  let adviezen = 0;
  let meldingenCount = 0;
  const [existing] = await db.select({ n: count() }).from(meldingen);
  if (options.withCases !== false && existing?.n === 0) {
    const [adviseur] = await db.select().from(users).where(eq(users.email, 'adviseur@demo.test'));
    const actor = { type: 'user' as const, id: adviseur!.id, roles: adviseur!.roles, teamId: adviseur!.teamId, gemeente: null };
    const result = await seedCases(db, actor, options.now ?? new Date());
    adviezen = result.adviezen;
    meldingenCount = result.meldingen;
  }
  return { users: inserted.length, adviezen, meldingen: meldingenCount };
}

/** A small deterministic pseudo-random generator (mulberry32), so the demo looks the same on every machine. */
function prng(seed: number) {
  let a = seed;
  const next = () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    chance: (p: number) => next() < p,
  };
}

const voornamen = ['Sanne', 'Daan', 'Lotte', 'Ruben', 'Fleur', 'Jesse', 'Iris', 'Thijs', 'Noa', 'Milan', 'Eva', 'Sem', 'Yara', 'Luuk', 'Nadia', 'Emre', 'Ilse', 'Joost', 'Fatima', 'Gerrit'];
const achternamen = ['Demo-Jansen', 'Demo-Bosch', 'Demo-Nijhuis', 'Demo-Oude Egberink', 'Demo-Kampman', 'Demo-Brinkhuis', 'Demo-Yilmaz', 'Demo-Haverkamp', 'Demo-Roelofs', 'Demo-Slettenhaar'];
const straten: Record<string, { straat: string; postcode: string; plaats: string }[]> = {
  GM0153: [{ straat: 'Oude Markt', postcode: '7511 GA', plaats: 'Enschede' }, { straat: 'Deurningerstraat', postcode: '7514 BC', plaats: 'Enschede' }, { straat: 'Lasondersingel', postcode: '7514 BP', plaats: 'Enschede' }],
  GM0164: [{ straat: 'Marktstraat', postcode: '7551 DR', plaats: 'Hengelo' }, { straat: 'Deldenerstraat', postcode: '7551 AH', plaats: 'Hengelo' }],
  GM0141: [{ straat: 'Grotestraat', postcode: '7607 CK', plaats: 'Almelo' }],
  GM0173: [{ straat: 'Steenstraat', postcode: '7571 BJ', plaats: 'Oldenzaal' }],
  GM0147: [{ straat: 'Grotestraat', postcode: '7622 GM', plaats: 'Borne' }],
  GM0158: [{ straat: 'Markt', postcode: '7481 HS', plaats: 'Haaksbergen' }],
  GM1742: [{ straat: 'Haarstraat', postcode: '7462 AK', plaats: 'Rijssen' }],
};

type Scenario = { geweldsvormen: Geweldsvorm[]; veiligheid: Veiligheid; kinderen: number; oudere?: boolean; toelichting: string };
// Patterns from the seeds' case stories (regiovisie Twente), rewritten with invented people.
const scenarios: Scenario[] = [
  { geweldsvormen: ['partnergeweld'], veiligheid: { lopendGeweld: true, verwurging: true }, kinderen: 2, toelichting: 'Politie ter plaatse na melding buren; vrouw geeft aan gewurgd te zijn, kinderen waren thuis.' },
  { geweldsvormen: ['partnergeweld', 'getuige_partnergeweld'], veiligheid: { herhaaldGeweld: true, kindGetuige: true }, kinderen: 2, toelichting: 'Derde politiemelding dit jaar over ruzies met geweld; kinderen horen het geweld.' },
  { geweldsvormen: ['kindermishandeling_psychisch', 'verwaarlozing'], veiligheid: { verwaarlozing: true, schulden: true, huisvesting: true }, kinderen: 3, toelichting: 'School ziet dat kinderen zonder ontbijt en in vuile kleding komen; gezin heeft grote schulden.' },
  { geweldsvormen: ['ouderenmishandeling', 'financieel_misbruik'], veiligheid: { financieleUitbuiting: true, zorgafhankelijk: true }, kinderen: 0, oudere: true, toelichting: 'Thuiszorg ziet dat de zoon de pinpas van moeder beheert en dat er geld verdwijnt.' },
  { geweldsvormen: ['ex_partnergeweld', 'stalking'], veiligheid: { stalking: true, dwingendeControle: true }, kinderen: 1, toelichting: 'Ex-partner volgt haar, stuurt tientallen berichten per dag en staat bij de school.' },
  { geweldsvormen: ['kindermishandeling_lichamelijk'], veiligheid: { onduidelijkOfGeweld: true }, kinderen: 1, toelichting: 'Kinderopvang ziet blauwe plekken op de bovenarm; ouders geven een verklaring die niet helemaal klopt.' },
  { geweldsvormen: ['huwelijksdwang', 'eergerelateerd_geweld'], veiligheid: { dreigendVertrek: true }, kinderen: 1, toelichting: 'Leerling vertelt mentor dat zij in de zomer naar het buitenland moet om te trouwen.' },
  { geweldsvormen: ['partnergeweld'], veiligheid: { verslaving: true, isolement: true }, kinderen: 0, toelichting: 'Buurvrouw hoort regelmatig geschreeuw; man drinkt veel, vrouw komt nauwelijks buiten.' },
  { geweldsvormen: ['oudermishandeling'], veiligheid: { psychiatrie: true, ontkenningOfWeigering: true }, kinderen: 0, toelichting: 'Volwassen zoon met psychische problemen bedreigt zijn moeder; hij weigert hulp.' },
  { geweldsvormen: ['overig'], veiligheid: {}, kinderen: 1, toelichting: 'Eenmalig incident zonder verdere zorgen; ouders schrokken er zelf van.' },
  // Policy v2's own cases: the professional already involved takes it over; trafficking goes to the MDO.
  { geweldsvormen: ['partnergeweld'], veiligheid: { schulden: true, professionalBetrokken: true, huishoudenWerktMee: true }, kinderen: 1, toelichting: 'Huishouden werkt mee; de schuldhulpverlener van de gemeente komt al wekelijks langs.' },
  { geweldsvormen: ['mensenhandel_arbeid'], veiligheid: { isolement: true, financieleUitbuiting: true }, kinderen: 0, toelichting: 'Arbeidsinspectie treft een vrouw die zonder loon in een woning werkt en haar paspoort heeft moeten afgeven.' },
];

/** The occupation that goes with a sector, and (often) how long the violence has gone on: the CBS delivery's fields. */
function cbsVelden(c: ReturnType<typeof prng>, professional: boolean, sector?: Sector): { beroep?: Beroep; duurGeweld?: DuurGeweld } {
  const bij: Partial<Record<Sector, readonly Beroep[]>> = {
    politie: ['politieagent'],
    onderwijs: ['onderwijs'],
    kinderopvang: ['kinderopvang'],
    zorg: ['huisarts', 'verpleegkundige', 'jeugdarts'],
    ggz: ['psycholoog'],
  };
  const beroep = professional && sector && bij[sector] && c.chance(0.8) ? c.pick(bij[sector]) : undefined;
  return { ...(beroep ? { beroep } : {}), ...(c.chance(0.6) ? { duurGeweld: c.pick(duurGeweld) } : {}) };
}

async function seedCases(db: Db, actor: { type: 'user'; id: string; roles: Role[]; teamId: string | null; gemeente: null }, now: Date) {
  const r = prng(20260424);
  // A stream of its own for the CBS fields (issue #18), so the cases themselves stay as they were.
  const c = prng(18);
  const kalender = await loadKalender(db);
  const gemeenteCodes = Object.keys(straten);
  const today = amsterdamDate(now);

  let nAdviezen = 0;
  for (let i = 0; i < 40; i++) {
    const daysAgo = r.int(0, 27);
    const startedAt = new Date(now.getTime() - daysAgo * 86_400_000 - r.int(0, 8 * 3600) * 1000);
    if (startedAt > now) continue;
    const kanaal = r.chance(0.7) ? 'telefoon' : r.chance(0.8) ? 'chat' : 'mail';
    const professional = r.chance(0.45);
    const anoniem = kanaal === 'chat' || (!professional && r.chance(0.6));
    const scenario = r.pick(scenarios);
    const input: AdviesInput = {
      kanaal,
      startedAt: startedAt.toISOString(),
      endedAt: new Date(startedAt.getTime() + r.int(4, 25) * 60_000).toISOString(),
      vragerType: professional ? 'professional' : r.pick(['omstander', 'slachtoffer', 'familie', 'onbekend'] as const),
      ...(professional ? { sector: r.pick(['onderwijs', 'zorg', 'kinderopvang', 'jeugdhulp', 'ggz'] as const) } : {}),
      anoniem,
      ...(anoniem ? {} : { vrager: { naam: `${r.pick(voornamen)} ${r.pick(achternamen)}`, ...(professional ? { organisatie: 'Demo-organisatie' } : {}) } }),
      geweldsvormen: scenario.geweldsvormen,
      samenvatting: `Vrager maakt zich zorgen: ${scenario.toelichting.toLowerCase()}`,
      adviesGegeven: professional
        ? 'Stappen van de meldcode doorgenomen; afwegingskader besproken. Vrager gaat in gesprek en belt terug als de zorgen blijven.'
        : 'Besproken wat vrager zelf kan doen en waar hulp te vinden is; bij direct gevaar 112 bellen.',
      uitkomst: r.chance(0.75) ? 'afgesloten' : 'doorverwezen',
    };
    Object.assign(input, cbsVelden(c, professional, input.sector), c.chance(0.7) ? { gemeente: c.pick(gemeenteCodes) } : {});
    await db.transaction((tx) => insertAdvies(tx, input, { actor, now: startedAt > now ? now : startedAt }));
    nAdviezen++;
  }

  // A few households get a second melding, so the radar has something to connect.
  const households: MeldingInput['huishouden'][] = [];
  let nMeldingen = 0;
  for (let i = 0; i < 30; i++) {
    const daysAgo = Math.max(0, 27 - Math.floor(i * 0.95));
    const receivedAt = new Date(now.getTime() - daysAgo * 86_400_000 - r.int(0, 10 * 3600) * 1000);
    const scenario = scenarios[i % scenarios.length]!;
    const reuse = households.length > 3 && r.chance(0.2);
    const gemeente = r.pick(gemeenteCodes);
    const adres = r.pick(straten[gemeente]!);
    const huishouden = reuse
      ? r.pick(households)
      : { adres: { straat: adres.straat, huisnummer: String(r.int(1, 180)) + (r.chance(0.15) ? 'a' : ''), postcode: adres.postcode, plaats: adres.plaats }, gemeente };
    households.push(huishouden);
    const achternaam = r.pick(achternamen);
    const betrokkenen: MeldingInput['betrokkenen'] = [
      { rol: 'slachtoffer', voornaam: r.pick(voornamen), achternaam, geboortedatum: scenario.oudere ? `19${r.int(38, 55)}-0${r.int(1, 9)}-1${r.int(0, 9)}` : `19${r.int(78, 99)}-0${r.int(1, 9)}-2${r.int(0, 8)}` },
      { rol: 'vermoedelijke_pleger', voornaam: r.pick(voornamen), achternaam },
    ];
    for (let k = 0; k < scenario.kinderen; k++) {
      const birthYear = Number(today.slice(0, 4)) - r.int(1, 16);
      betrokkenen.push({ rol: 'kind', voornaam: r.pick(voornamen), achternaam, geboortedatum: `${birthYear}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}` });
    }
    const politie = r.chance(0.6);
    const input: MeldingInput = {
      receivedAt: receivedAt.toISOString(),
      kanaal: politie ? 'ketenpartner' : r.pick(['telefoon', 'mail'] as const),
      melder: politie
        ? { type: 'professional', sector: 'politie', beroep: 'politieagent', naam: 'Politie Oost-Nederland (demo)', organisatie: 'Politie', anoniemNaarHuishouden: false }
        : r.chance(0.6)
          ? { type: 'professional', sector: r.pick(['onderwijs', 'zorg', 'kinderopvang', 'ggz'] as const), naam: `${r.pick(voornamen)} ${r.pick(achternamen)}`, organisatie: 'Demo-organisatie', telefoon: '053 000 0000', anoniemNaarHuishouden: false }
          : { type: 'niet_professional', rol: r.pick(['omstander', 'familie'] as const), naam: `${r.pick(voornamen)} ${r.pick(achternamen)}`, telefoon: '06 0000 0000', anoniemNaarHuishouden: r.chance(0.5) },
      huishouden,
      betrokkenen,
      geweldsvormen: scenario.geweldsvormen,
      veiligheid: scenario.veiligheid,
      toelichting: scenario.toelichting,
    };
    // The CBS fields (occupation, duration of the violence) where such a melder would say them.
    input.melder = { ...input.melder, ...cbsVelden(c, input.melder.type === 'professional', input.melder.sector) };
    await db.transaction((tx) => insertMelding(tx, input, { actor, kalender, now: receivedAt }));
    nMeldingen++;
  }
  await seedLifecycle(db, now);
  return { adviezen: nAdviezen, meldingen: nMeldingen };
}

/**
 * The oldest demo meldingen have moved on, so every screen has something to show: beoordelingen (some late), an
 * MDO with an agenda, an onderzoek waiting and one running, a handover waiting for the wijkteam, and the region's
 * waiting-list targets.
 */
async function seedLifecycle(db: Db, now: Date) {
  const byEmail = async (email: string) => (await db.select().from(users).where(eq(users.email, email)))[0]!;
  const teamId = async (kind: TeamKind, gemeente?: string) =>
    (await db.select({ id: teams.id, g: teams.gemeenteCode }).from(teams).where(eq(teams.kind, kind))).find((t) => (gemeente ? t.g === gemeente : t.g === null))?.id ?? null;
  const beoordelaar = await byEmail('beoordelaar@demo.test');
  const gw = await byEmail('gw@demo.test');
  const medewerker = await byEmail('medewerker@demo.test');
  const manager = await byEmail('manager@demo.test');
  const oldest = await db.select().from(meldingen).orderBy(asc(meldingen.receivedAt)).limit(9);
  const plan: ('mdo' | 'onderzoek_wacht' | 'onderzoek_loopt' | 'wijkteam' | 'afsluiten')[] = ['onderzoek_loopt', 'onderzoek_wacht', 'mdo', 'mdo', 'wijkteam', 'afsluiten', 'afsluiten', 'wijkteam', 'mdo'];
  const day = 86_400_000;
  const mdoCases: string[] = [];
  for (const [i, m] of oldest.entries()) {
    const step = plan[i]!;
    // Most are assessed within the term, a few too late (the dashboard shows both).
    const decidedAt = new Date(Math.min(now.getTime() - day, m.receivedAt.getTime() + (i % 3 === 2 ? 9 : 3) * day));
    const route = step === 'wijkteam' ? 'wijkteam' : step === 'afsluiten' ? 'afsluiten' : 'mdo';
    // What the CBS delivery reads of the step (84852NED), as lifecycle.ts move() records it for a real decision.
    const cbs = (vbUitkomst: VbUitkomst | null) => ({ vbTaxatie: 'niet_acuut' as const, vbUitkomst, vbUitkomstAt: vbUitkomst ? decidedAt : null });
    await db.insert(beoordelingen).values({ meldingId: m.id, route, band: 'P3', override: true, reason: 'Beoordeeld in het demo-scenario.', decidedBy: beoordelaar.id, decidedAt });
    await db.insert(meldingEvents).values({ meldingId: m.id, at: decidedAt, type: 'beoordeeld', actorId: beoordelaar.id, data: { route, band: 'P3', override: true } });
    if (step === 'afsluiten') {
      await db.update(meldingen).set({ status: 'afgesloten', updatedAt: decidedAt, ...cbs('geen_vervolgstappen') }).where(eq(meldingen.id, m.id));
      await db.insert(meldingEvents).values({ meldingId: m.id, at: decidedAt, type: 'afgesloten', actorId: beoordelaar.id, data: { via: 'beoordeling' } });
    } else if (step === 'wijkteam') {
      await db.update(meldingen).set({ status: 'overdracht', teamId: await teamId('wijkteam', m.gemeenteCode), updatedAt: decidedAt, ...cbs('overdracht_lokaal_team') }).where(eq(meldingen.id, m.id));
      await db.insert(overdrachten).values({ meldingId: m.id, gemeenteCode: m.gemeenteCode, toelichting: 'Gezin staat open voor hulp van het wijkteam.', createdBy: beoordelaar.id, createdAt: decidedAt });
      await db.insert(meldingEvents).values({ meldingId: m.id, at: decidedAt, type: 'overdracht_verzonden', actorId: beoordelaar.id, data: { gemeente: m.gemeenteCode } });
    } else if (step === 'mdo') {
      await db.update(meldingen).set({ status: 'mdo', teamId: await teamId('mdo'), updatedAt: decidedAt, ...cbs(null) }).where(eq(meldingen.id, m.id));
      mdoCases.push(m.id);
    } else {
      const started = step === 'onderzoek_loopt' ? amsterdamDate(new Date(decidedAt.getTime() + 2 * day)) : null;
      await db.update(meldingen).set({ status: 'onderzoek', teamId: await teamId('onderzoek'), assignedTo: [medewerker.id], updatedAt: decidedAt, ...cbs('vervolg_onderzoek') }).where(eq(meldingen.id, m.id));
      await db.insert(onderzoeken).values({ meldingId: m.id, teamId: await teamId('onderzoek'), besluitAt: decidedAt, startedAt: started, dueDate: started ? onderzoekDueDate(started) : null, startedBy: started ? medewerker.id : null });
      await refreshClock(db, m.id);
    }
  }
  // The next MDO, with the first case of the MDO queue on its agenda.
  const [mdo] = await db.insert(mdoOverleggen).values({ datum: amsterdamDate(new Date(now.getTime() + 2 * day)), deelnemers: [gw.id, medewerker.id], externeDeelnemers: JSON.stringify([{ naam: 'Wijkagent Demo', organisatie: 'Politie Oost-Nederland' }]), createdBy: gw.id }).returning();
  if (mdoCases[0]) await db.insert(mdoAgendapunten).values({ mdoId: mdo!.id, meldingId: mdoCases[0] });
  const since = new Date(now.getTime() - 365 * day);
  await db.insert(dashboardTargets).values([
    { metric: 'beoordeling_overdue', value: 0, validFrom: since, createdBy: manager.id },
    { metric: 'wachtlijst_onderzoek', value: 5, validFrom: since, createdBy: manager.id },
    { metric: 'overdracht_pending', value: 3, validFrom: since, createdBy: manager.id },
    { metric: 'beoordeling_on_time_pct', value: 90, validFrom: since, createdBy: manager.id },
    { metric: 'onderzoek_on_time_pct', value: 80, validFrom: since, createdBy: manager.id },
    { metric: 'acute_inzet_te_laat', value: 0, validFrom: since, createdBy: manager.id },
    { metric: 'terugkoppeling_on_time_pct', value: 90, validFrom: since, createdBy: manager.id },
  ]);
}
