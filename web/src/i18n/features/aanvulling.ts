// Words of an aanvulling: new information on an open case, after which the triage runs again.
export const nl = {
  aanvulling: {
    title: 'Nieuwe informatie toevoegen (aanvulling)',
    intro: 'Wat nu bekend is over de vormen van geweld en de veiligheid. Niets wordt weggehaald; de triage loopt daarna opnieuw en het vorige voorstel blijft in de historie.',
    vormen: 'Vormen van geweld die erbij komen',
    vragen: 'Veiligheidsvragen die nu gelden',
    toelichting: 'Toelichting',
    submit: 'Aanvulling vastleggen',
    leeg: 'Kies een vorm van geweld of een veiligheidsvraag, of schrijf een toelichting.',
    klaar: 'De aanvulling is vastgelegd; de triage loopt opnieuw.',
  },
};

export const en = {
  aanvulling: {
    title: 'Add new information (supplement)',
    intro: 'What is now known about the forms of violence and safety. Nothing is removed; the triage then runs again and the previous proposal stays in the history.',
    vormen: 'Forms of violence to add',
    vragen: 'Safety questions that now apply',
    toelichting: 'Explanation',
    submit: 'Record the supplement',
    leeg: 'Choose a form of violence or a safety question, or write an explanation.',
    klaar: 'The supplement has been recorded; the triage runs again.',
  },
};
