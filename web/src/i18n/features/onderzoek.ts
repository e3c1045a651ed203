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
    conclusies: 'Conclusies',
    conclusiesHulp: 'Wat is er onderzocht en gevonden, met wie is het besproken, en wat betekent het voor de veiligheid?',
    conclusieNodig: 'Schrijf de conclusies van het onderzoek (minstens 10 tekens).',
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
    conclusies: 'Conclusions',
    conclusiesHulp: 'What was investigated and found, with whom was it discussed, and what does it mean for safety?',
    conclusieNodig: 'Write the conclusions of the investigation (at least 10 characters).',
    conclusie: { bevestigd: 'confirmed', niet_bevestigd: 'not confirmed', weerlegd: 'refuted' },
    vervolg: { overdracht: 'handover to the wijkteam', vv: 'conditions & follow-up', monitoring: 'monitoring', afsluiten: 'close' },
  },
};
