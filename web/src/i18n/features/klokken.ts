// The clock of each step (db/src/domain/deadlines.ts, `klokken`): what the term is for, the same words on the
// werkvoorraad and the case page.
export const nl = {
  klok: {
    beoordeling: 'Veiligheidsbeoordeling',
    acute_reactie: 'Acute reactie',
    mdo: 'MDO',
    start_onderzoek: 'Start onderzoek',
    onderzoek: 'Onderzoek klaar',
    controle: 'Volgende controle',
    overdracht_acceptatie: 'Acceptatie overdracht',
    current: 'Huidige termijn',
    uiterlijk: '{klok} uiterlijk {datum}',
  },
};

export const en = {
  klok: {
    beoordeling: 'Safety assessment',
    acute_reactie: 'Acute response',
    mdo: 'MDO',
    start_onderzoek: 'Investigation start',
    onderzoek: 'Investigation done',
    controle: 'Next check',
    overdracht_acceptatie: 'Handover acceptance',
    current: 'Current term',
    uiterlijk: '{klok} by {datum}',
  },
};
