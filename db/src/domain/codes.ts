// The code lists of the contract (../shared/api.md), defined once. The database enums, the API schemas and the
// web app's option lists are all built from these tuples.

export const adviesKanalen = ['telefoon', 'chat', 'mail'] as const;
// Chat is anonymous by design, so a melding can never come in by chat (domain.md, "Records").
export const meldingKanalen = ['telefoon', 'mail', 'ketenpartner', 'balie', 'web'] as const;
/** The kanalen staff and partner systems file through; `web` is the public online melding's alone (issue #20). */
export const aangeleverdeKanalen = ['telefoon', 'mail', 'ketenpartner', 'balie'] as const;
/** Whether the family knows of the melding (meldcode step 3: talk with those involved first, unless unsafe). */
export const gezinWeetOpties = ['ja', 'nee', 'weet_niet'] as const;
/** A chain message's result (api.md, POST /api/ketenberichten): the stored ones, and `dubbel` for a replay. */
export const ketenberichtStatussen = ['aangemaakt', 'afgewezen'] as const;
export const ketenberichtResultaten = [...ketenberichtStatussen, 'dubbel'] as const;
export const vragerTypes = ['professional', 'omstander', 'slachtoffer', 'pleger', 'familie', 'onbekend'] as const;
/**
 * The melder's (or professional vrager's) organisation, fine enough for every organisation group of CBS tables
 * 84848NED/84849NED (issue #18): the first seven codes are those of the first contract and stay valid; `zorg` is
 * CBS's Gezondheidszorg, `jeugdhulp` its Jeugdzorg, `overig` its "Andere organisatie", and the police, the
 * Openbaar Ministerie, the reclassering and `justitie_overig` make up "Justitie en veiligheid". The mapping to the
 * CBS groups and their labels is data (db/src/domain/cbs-beleidsinformatie.json).
 */
export const sectoren = [
  'politie',
  'zorg',
  'ggz',
  'onderwijs',
  'jeugdhulp',
  'kinderopvang',
  'overig',
  'bureau_leerplicht',
  'openbaar_ministerie',
  'reclassering',
  'justitie_overig',
  'veilig_thuis_andere_regio',
  'regionaal_maatwerk',
] as const;
/** The melder's occupation, as the "Beroep" rows of CBS tables 84848NED/84849NED group them (issue #18). */
export const beroepen = [
  'onderwijs',
  'kinderopvang',
  'huisarts',
  'jeugdarts',
  'medisch_specialist',
  'verloskundige',
  'verpleegkundige',
  'medisch_overig',
  'psycholoog',
  'paramedisch',
  'politieagent',
  'officier_van_justitie',
  'justitie_overig',
  'anders',
] as const;
/** How long the violence has gone on, as the melder or vrager says: the six "Duur geweld" rows of 84848NED/84849NED. */
export const duurGeweld = ['tot_een_week', 'week_tot_maand', 'maand_tot_half_jaar', 'half_jaar_tot_jaar', 'jaar_tot_vijf_jaar', 'langer_dan_vijf_jaar'] as const;
/**
 * Earlier involvement of Veilig Thuis with the household when a melding arrives (CBS 85361NED): none known, a
 * hermelding (an earlier melding about it was closed before this one came; one or several betrokkenen known), or a
 * vervolgmelding while Veilig Thuis is still involved (during the veiligheidsbeoordeling, after it, or during
 * monitoring). Classified once, by the triage worker; a melding not yet classified counts as niet ingedeeld.
 */
export const eerdereBetrokkenheden = [
  'eerste_melding',
  'hermelding_meerdere',
  'hermelding_een',
  'vervolg_tijdens_beoordeling',
  'vervolg_na_beoordeling',
  'vervolg_tijdens_monitoring',
] as const;
/**
 * The outcome of the veiligheidsbeoordeling as CBS 84852NED counts it: the first step a case takes after its
 * beoordeling, or, for a case routed to the MDO (or first to the crisis team), what the MDO or the crisis team decided
 * next. `overdracht_multidisciplinair` and `regionaal_maatwerk` are CBS categories this product has no route for yet:
 * they are listed, and count zero.
 */
/** What the CBS delivery counts (issue #18, domain/cbs.ts). */
export const cbsEenheden = ['adviezen', 'meldingen', 'casussen', 'afgeronde_onderzoeken', 'afgeronde_vv'] as const;
export type CbsEenheid = (typeof cbsEenheden)[number];
/** The six StatLine tables of the delivery, in its order. */
export const cbsTabellen = ['84848NED', '84849NED', '84850NED', '84852NED', '84853NED', '85361NED'] as const;
export const vbUitkomsten = [
  'vervolg_onderzoek',
  'vervolg_vv',
  'overdracht_lokaal_team',
  'overdracht_hulpverlening',
  'overdracht_multidisciplinair',
  'geen_vervolgstappen',
  'regionaal_maatwerk',
] as const;
export const melderTypes = ['professional', 'niet_professional'] as const;
export const melderRollen = ['omstander', 'slachtoffer', 'pleger', 'familie'] as const;
export const adviesUitkomsten = ['afgesloten', 'doorverwezen', 'omgezet_in_melding'] as const;
export const betrokkeneRollen = ['slachtoffer', 'vermoedelijke_pleger', 'kind', 'overig'] as const;

export const geweldsvormen = [
  'partnergeweld',
  'ex_partnergeweld',
  'kindermishandeling_lichamelijk',
  'kindermishandeling_psychisch',
  'kindermishandeling_seksueel',
  'verwaarlozing',
  'getuige_partnergeweld',
  'ouderenmishandeling',
  'financieel_misbruik',
  'oudermishandeling',
  'eergerelateerd_geweld',
  'huwelijksdwang',
  'achterlating',
  'vgv',
  'mensenhandel_seksueel',
  'mensenhandel_arbeid',
  'mensenhandel_crimineel',
  'mensenhandel_overig',
  'stalking',
  'seksueel_geweld',
  'overig',
] as const;

export const meldingStatussen = [
  'ontvangen',
  'triage_voorgesteld',
  'beoordeeld',
  'crisis',
  'mdo',
  'onderzoek',
  'vv',
  'overdracht',
  'monitoring',
  'afgesloten',
] as const;

/** Statuses still waiting for the beoordelaar's decision: the triage has not been confirmed or overridden yet. */
export const unassessedStatussen = ['ontvangen', 'triage_voorgesteld'] as const satisfies readonly (typeof meldingStatussen)[number][];

/** What the MDO decides for a case (domain.md, "MDO"). */
export const mdoBesluiten = ['onderzoek', 'vv', 'overdracht', 'afsluiten'] as const;
/** What follows an onderzoek. */
/** Where the crisis team hands a crisis case on once the acute danger is over (issue #16). */
export const crisisVervolgen = ['mdo', 'onderzoek'] as const;
export const onderzoekVervolgen = ['overdracht', 'vv', 'monitoring', 'afsluiten'] as const;
/** The onderzoek's conclusion per form of violence. */
export const conclusies = ['bevestigd', 'niet_bevestigd', 'weerlegd'] as const;
export const overdrachtStatussen = ['verzonden', 'geaccepteerd', 'teruggestuurd'] as const;
export const monitoringStatussen = ['gepland', 'veilig', 'niet_veilig'] as const;
/** What a monitoring checkpoint can record: every status but the planned one. */
export const monitoringUitkomsten = ['veilig', 'niet_veilig'] as const satisfies readonly (typeof monitoringStatussen)[number][];
export const voorwaardeStatussen = ['lopend', 'nagekomen', 'niet_nagekomen'] as const;
/** What a review of a V&V condition can record. */
export const voorwaardeUitkomsten = ['nagekomen', 'niet_nagekomen'] as const satisfies readonly (typeof voorwaardeStatussen)[number][];
export const terugkoppelMomenten = ['na_beoordeling', 'na_onderzoek'] as const;
/** What a person on the roster is specialised in (issue #22): the dagstart matches it to a case's needs. */
export const specialismen = ['eergerelateerd_geweld', 'mensenhandel', 'jeugd', 'ouderen'] as const;
export type Specialisme = (typeof specialismen)[number];
/** How a web chat ended (issue #21): answered and ended, the visitor left while waiting, or blocked as abusive. */
export const chatUitkomsten = ['beantwoord', 'afgebroken', 'geblokkeerd'] as const;
export type ChatUitkomst = (typeof chatUitkomsten)[number];
export type TerugkoppelMoment = (typeof terugkoppelMomenten)[number];
export const vernietigingStatussen = ['aangevraagd', 'toegewezen', 'afgewezen'] as const;
export const rolAanvraagStatussen = ['aangevraagd', 'goedgekeurd', 'afgewezen'] as const;
/** What the second person decides on a role request. */
export const rolBesluiten = ['goedgekeurd', 'afgewezen'] as const satisfies readonly (typeof rolAanvraagStatussen)[number][];

/** The reminders the herinneringen list raises (issue #9). */
export const herinneringSoorten = [
  'overdracht_niet_geaccepteerd',
  'thv_eindigt',
  'monitoring_verstreken',
  'terugkoppeling_verlopen',
  'voorwaarde_controle_verstreken',
] as const;

export const urgencies = ['acuut', 'niet_acuut'] as const;
/**
 * What the crisis team did in its acute response (domain.md step 2: "act now"): the house visit (by a duo), a call
 * with the household, a safety plan made with it, the police involved, shelter arranged, or something else (said in
 * the note). An acute response is recorded with when, what and by whom (issue #16).
 */
export const acuteActies = ['huisbezoek', 'telefonisch_contact', 'veiligheidsplan', 'politie', 'opvang', 'anders'] as const;
export const bands = ['P1', 'P2', 'P3', 'P4'] as const;
/**
 * Route proposals and decisions. `hulpverlening` (policy v2) hands the case over to the professional already involved
 * instead of the gemeente's wijkteam (overdracht aan de betrokken hulpverlening, domain.md "What v2 changes" 4).
 */
export const routes = ['crisisteam', 'mdo', 'wijkteam', 'hulpverlening', 'afsluiten'] as const;
/** The attention points of policy v2: what the specialism requires of the beoordelaar (domain.md, v2 change 3). */
export const aandachtspunten = ['eergerelateerd', 'mensenhandel'] as const;
/** The forms of violence that make the factor and attention point `eergerelateerd` (v2 change 1). */
export const eergerelateerdeVormen = ['eergerelateerd_geweld', 'huwelijksdwang', 'achterlating', 'vgv'] as const;
/** The forms of violence that make the factor and attention point `mensenhandel` (v2 change 1). */
export const mensenhandelVormen = ['mensenhandel_seksueel', 'mensenhandel_arbeid', 'mensenhandel_crimineel', 'mensenhandel_overig'] as const;

export const teamKinds = ['advieslijn', 'beoordeling', 'crisisteam', 'mdo', 'onderzoek', 'monitoring', 'wijkteam'] as const;

export const roles = [
  'adviseur',
  'beoordelaar',
  'chef_van_de_dag',
  'crisisteam',
  'gedragswetenschapper',
  'medewerker',
  'manager',
  'wijkteam',
  'privacy_officer',
  'beheerder',
] as const;

/**
 * Roles granted only when a second person approves (issue #14, four eyes): every role that reads case files or the
 * audit trail, and the beheerder's (who could otherwise make a second account to approve its own requests). The
 * manager sees aggregates only and needs no approval.
 */
export const rolesNeedingApproval = roles.filter((r) => r !== 'manager');
/** Roles one account never combines: who reads the audit trail does not also manage who has access. */
export const incompatibleRoles: readonly (readonly [(typeof roles)[number], (typeof roles)[number]])[] = [['privacy_officer', 'beheerder']];

/** The roles that work on case files: they see every case, and their own queue decides which need break-glass. */
export const caseRoles = ['beoordelaar', 'chef_van_de_dag', 'crisisteam', 'gedragswetenschapper', 'medewerker'] as const satisfies readonly (typeof roles)[number][];

export const eventTypes = [
  'ontvangen',
  'triage_voorgesteld',
  'aanvulling',
  'beoordeeld',
  'toegewezen',
  'mdo_geagendeerd',
  'mdo_besluit',
  'onderzoek_gestart',
  'onderzoek_afgerond',
  'vv_gestart',
  'overdracht_verzonden',
  'overdracht_geaccepteerd',
  'overdracht_teruggestuurd',
  'monitoring_gepland',
  'monitoring_vastgelegd',
  'thv_opgelegd',
  'thv_verlengd',
  'code_rood',
  'afgesloten',
  'heropend',
  'terugkoppeling_gegeven',
  'vv_voorwaarde_vastgelegd',
  'vv_voorwaarde_beoordeeld',
  'acute_inzet',
  'doorgezet',
  'terugkoppeling_gelezen',
  'statuslink_gemaakt',
  'statuslink_ingetrokken',
] as const;

export const auditActions = ['read', 'search', 'create', 'update', 'decide', 'export', 'login', 'break_glass'] as const;
export const auditResults = ['success', 'denied', 'not_found', 'error'] as const;

/** The veiligheidsbeoordeling questions of "Triage policy v1", grouped as the domain groups them. */
export const acuteIndicatoren = [
  'lopendGeweld',
  'doodsbedreiging',
  'wapen',
  'verwurging',
  'ernstigLetsel',
  'letselJongKind',
  'seksueelMisbruikToegang',
  'dreigendVertrek',
  'geenBescherming',
] as const;
export const structureleIndicatoren = [
  'herhaaldGeweld',
  'dwingendeControle',
  'kindGetuige',
  'verwaarlozing',
  'zorgafhankelijk',
  'stalking',
  'verslaving',
  'psychiatrie',
  'financieleUitbuiting',
] as const;
export const multiProbleemIndicatoren = ['schulden', 'huisvesting', 'isolement'] as const;
export const contextIndicatoren = [
  'onduidelijkOfGeweld',
  'ontkenningOfWeigering',
  'onvoldoendeInformatie',
  'anonimiteitToegezegd',
  'professionalBetrokken',
  'huishoudenWerktMee',
] as const;
export const veiligheidVragen = [
  ...acuteIndicatoren,
  ...structureleIndicatoren,
  ...multiProbleemIndicatoren,
  ...contextIndicatoren,
] as const;

export type AdviesKanaal = (typeof adviesKanalen)[number];
export type MeldingKanaal = (typeof meldingKanalen)[number];
export type VragerType = (typeof vragerTypes)[number];
export type Sector = (typeof sectoren)[number];
export type Beroep = (typeof beroepen)[number];
export type DuurGeweld = (typeof duurGeweld)[number];
export type EerdereBetrokkenheid = (typeof eerdereBetrokkenheden)[number];
export type VbUitkomst = (typeof vbUitkomsten)[number];
export type Geweldsvorm = (typeof geweldsvormen)[number];
export type MeldingStatus = (typeof meldingStatussen)[number];
export type Urgency = (typeof urgencies)[number];
export type AcuteActie = (typeof acuteActies)[number];
export type Band = (typeof bands)[number];
export type Route = (typeof routes)[number];
export type Aandachtspunt = (typeof aandachtspunten)[number];
export type TeamKind = (typeof teamKinds)[number];
export type Role = (typeof roles)[number];
export type EventType = (typeof eventTypes)[number];
export type AuditAction = (typeof auditActions)[number];
export type BetrokkeneRol = (typeof betrokkeneRollen)[number];
export type MdoBesluit = (typeof mdoBesluiten)[number];
export type OnderzoekVervolg = (typeof onderzoekVervolgen)[number];
export type CrisisVervolg = (typeof crisisVervolgen)[number];
export type Conclusie = (typeof conclusies)[number];
export type HerinneringSoort = (typeof herinneringSoorten)[number];
export type VeiligheidVraag = (typeof veiligheidVragen)[number];
export type Veiligheid = Partial<Record<VeiligheidVraag, boolean>>;

/** The 14 gemeenten of Twente with their CBS codes (CBS gemeentelijke indeling 2024). */
export const twenteGemeenten = [
  { code: 'GM0141', naam: 'Almelo' },
  { code: 'GM0147', naam: 'Borne' },
  { code: 'GM1774', naam: 'Dinkelland' },
  { code: 'GM0153', naam: 'Enschede' },
  { code: 'GM0158', naam: 'Haaksbergen' },
  { code: 'GM0163', naam: 'Hellendoorn' },
  { code: 'GM0164', naam: 'Hengelo' },
  { code: 'GM1735', naam: 'Hof van Twente' },
  { code: 'GM0168', naam: 'Losser' },
  { code: 'GM0173', naam: 'Oldenzaal' },
  { code: 'GM1742', naam: 'Rijssen-Holten' },
  { code: 'GM0183', naam: 'Tubbergen' },
  { code: 'GM1700', naam: 'Twenterand' },
  { code: 'GM0189', naam: 'Wierden' },
] as const;

/** The waiting-list metrics of the manager dashboard (domain.md, "Waiting lists"; api.md, Dashboard). */
export const dashboardMetrics = [
  'beoordeling_overdue',
  'wachtlijst_onderzoek',
  'onderzoek_overdue',
  'overdracht_pending',
  'monitoring_due',
  'beoordeling_on_time_pct',
  'onderzoek_on_time_pct',
  'acute_inzet_te_laat',
  'terugkoppeling_on_time_pct',
  'terugkoppeling_gelezen_pct',
] as const;
export type DashboardMetric = (typeof dashboardMetrics)[number];
/** The metrics that count cases, with the list of those cases behind the count (the on-time percentages have none). */
export const listMetrics = ['beoordeling_overdue', 'wachtlijst_onderzoek', 'onderzoek_overdue', 'overdracht_pending', 'monitoring_due'] as const satisfies readonly DashboardMetric[];
export type ListMetric = (typeof listMetrics)[number];
