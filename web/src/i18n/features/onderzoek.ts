// Words of the onderzoek panel on the case page.
export const nl = {
  onderzoek: {
    title: 'Onderzoek',
    wachtlijst: 'Op de wachtlijst sinds {sinds}.',
    loopt: 'Gestart op {start}; moet klaar zijn op {due} (10 weken).',
    afgerond: 'Afgerond op {op}; vervolg: {vervolg}.',
    startDate: 'Startdatum',
    start: 'Onderzoek starten',
    uitkomsten: 'Uitkomst per vorm van geweld',
    vervolgLabel: 'Vervolg',
    finish: 'Onderzoek afronden',
    conclusie: { bevestigd: 'bevestigd', niet_bevestigd: 'niet bevestigd', weerlegd: 'weerlegd' },
    vervolg: { overdracht: 'overdracht aan het wijkteam', vv: 'Voorwaarden & Vervolg', monitoring: 'monitoring', afsluiten: 'afsluiten' },
  },
};

export const en = {
  onderzoek: {
    title: 'Investigation',
    wachtlijst: 'On the waiting list since {sinds}.',
    loopt: 'Started on {start}; due on {due} (10 weeks).',
    afgerond: 'Finished on {op}; follow-up: {vervolg}.',
    startDate: 'Start date',
    start: 'Start investigation',
    uitkomsten: 'Outcome per form of violence',
    vervolgLabel: 'Follow-up',
    finish: 'Finish investigation',
    conclusie: { bevestigd: 'confirmed', niet_bevestigd: 'not confirmed', weerlegd: 'refuted' },
    vervolg: { overdracht: 'handover to the wijkteam', vv: 'conditions & follow-up', monitoring: 'monitoring', afsluiten: 'close' },
  },
};
