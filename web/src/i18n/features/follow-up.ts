// Words of monitoring, Code Rood and the reminders.
export const nl = {
  followUp: {
    uitkomst: 'Uitkomst van dit monitoringsmoment',
    veilig: 'Veilig',
    nietVeilig: 'Niet veilig (terug naar Veilig Thuis)',
    toelichting: 'Toelichting',
    vastleggen: 'Vastleggen',
    tooShort: 'Geef een toelichting.',
    codeRood: 'Code Rood',
    codeRoodSinds: 'Code Rood sinds {datum}:',
    codeRoodUitkomst: 'Uitkomst',
    codeRoodAan: 'Code Rood aanzetten',
    terugkoppeling: 'Terugkoppeling aan de melder',
    moment: { na_beoordeling: 'Na de beoordeling', na_onderzoek: 'Na het onderzoek' },
    uiterlijk: 'uiterlijk {datum}',
    gedaanOp: 'gegeven op {op}',
    gedaan: 'Terugkoppeling gegeven',
  },
  herinnering: {
    title: 'Herinneringen ({n})',
    overdracht_niet_geaccepteerd: 'overdracht van {datum} na {dagen} werkdagen nog niet geaccepteerd',
    thv_eindigt: 'tijdelijk huisverbod eindigt op {datum} (nog {dagen} dagen)',
    monitoring_verstreken: 'monitoringsmoment van {datum} niet vastgelegd ({dagen} dagen geleden)',
    terugkoppeling_verlopen: 'terugkoppeling aan de melder was uiterlijk {datum} ({dagen} dagen geleden)',
  },
};

export const en = {
  followUp: {
    uitkomst: 'Outcome of this checkpoint',
    veilig: 'Safe',
    nietVeilig: 'Not safe (back to Veilig Thuis)',
    toelichting: 'Explanation',
    vastleggen: 'Record',
    tooShort: 'Give an explanation.',
    codeRood: 'Code Rood',
    codeRoodSinds: 'Code Rood since {datum}:',
    codeRoodUitkomst: 'Outcome',
    codeRoodAan: 'Flag Code Rood',
    terugkoppeling: 'Feedback to the melder',
    moment: { na_beoordeling: 'After the assessment', na_onderzoek: 'After the investigation' },
    uiterlijk: 'by {datum}',
    gedaanOp: 'given on {op}',
    gedaan: 'Feedback given',
  },
  herinnering: {
    title: 'Reminders ({n})',
    overdracht_niet_geaccepteerd: 'handover of {datum} not accepted after {dagen} working days',
    thv_eindigt: 'temporary restraining order ends on {datum} ({dagen} days left)',
    monitoring_verstreken: 'checkpoint of {datum} not recorded ({dagen} days ago)',
    terugkoppeling_verlopen: 'feedback to the melder was due on {datum} ({dagen} days ago)',
  },
};
