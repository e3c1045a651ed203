// The home page: the screens of one's work, each with what it is for.
export const nl = {
  home: {
    welcome: 'Welkom, {naam}',
    roles: 'U werkt als {rollen}.',
    screens: 'Uw werk',
    refused: 'Die pagina hoort niet bij uw rol. Hieronder staat uw werk.',
    nothing: 'Uw account heeft nog geen rol met schermen. Vraag de beheerder om een rol; een tweede persoon keurt die goed.',
    about: {
      advies: 'Een gesprek vastleggen als advies, anoniem waar de vrager dat wil; zo nodig omzetten in een melding.',
      melding: 'Een melding registreren voor een professional of een burger.',
      werkvoorraad: 'De werkvoorraad van een team: acute meldingen eerst, met termijnen en herinneringen.',
      overdrachten: 'Overdrachten aan het wijkteam: accepteren of terugsturen met een reden.',
      dashboard: 'Wachtlijsten tegen hun normen, trends, prognose, de halfjaarcijfers voor het CBS en de jaarcijfers.',
      mdo: 'Multidisciplinaire overleggen plannen, de agenda en de besluiten per melding.',
      audit: 'De auditlog: wie wat deed met welk dossier, wanneer en waarom; zoeken en exporteren.',
      toezicht: 'Wie welke melding buiten de eigen werkvoorraad opende (break-glass), en waarom.',
      vernietiging: 'Verzoeken tot vernietiging van een dossier beoordelen.',
      gebruikers: 'Accounts aanmaken met een activatielink, rollen, teams, uitschakelen en tweestapsverificatie herstellen.',
      toegang: 'Rolaanvragen goedkeuren of afwijzen (vier ogen).',
      kalender: 'De werkdagenkalender: feestdagen en bij besluit gelijkgestelde dagen, waarmee elke termijn telt.',
      chat: 'De webchat: wachtende bezoekers aannemen, meerdere gesprekken tegelijk, en het advies vastleggen na afloop.',
      ketenpartners: 'De koppelingen van ketenpartners: wat zij mogen, hun sleutels, vervangen en intrekken.',
      triagebeleid: 'Welke versie van het triagebeleid de voorstellen maakt, de beschrijving voor het algoritmeregister en een vergelijking van versies.',
    },
  },
};

export const en = {
  home: {
    welcome: 'Welcome, {naam}',
    roles: 'You work as {rollen}.',
    screens: 'Your work',
    refused: 'That page is not part of your role. Your work is below.',
    nothing: 'Your account has no role with screens yet. Ask the administrator for a role; a second person approves it.',
    about: {
      advies: 'Record a conversation as advice, anonymous where the caller wants; turn it into a report when needed.',
      melding: 'Register a report for a professional or a citizen.',
      werkvoorraad: "A team's work queue: acute reports first, with deadlines and reminders.",
      overdrachten: 'Handovers to the neighbourhood team: accept, or send back with a reason.',
      dashboard: 'Waiting lists against their targets, trends, forecast, the half-year figures for CBS and the yearly figures.',
      mdo: 'Plan multidisciplinary meetings, their agenda and the decision per case.',
      audit: 'The audit log: who did what with which file, when and why; search and export.',
      toezicht: 'Who opened which case outside their own queue (break-glass), and why.',
      vernietiging: 'Decide on requests to destroy a case file.',
      gebruikers: 'Create accounts with an activation link, roles, teams, switch off and reset two-step verification.',
      toegang: 'Approve or refuse role requests (four eyes).',
      kalender: 'The working-day calendar: public holidays and days declared equal by decree, which every term counts with.',
      chat: 'The web chat: accept waiting visitors, several conversations at once, and record the advies afterwards.',
      ketenpartners: "Chain partners' links: what they may do, their keys, replacing and revoking them.",
      triagebeleid: 'Which version of the triage policy makes the proposals, its algorithm register entry and a comparison of versions.',
    },
  },
};
