// Words of the beheerder's working-day calendar (Algemene termijnenwet).
export const nl = {
  kalender: {
    nav: 'Kalender',
    title: 'Werkdagenkalender',
    intro:
      'Termijnen in werkdagen tellen zonder weekenden, de algemeen erkende feestdagen (Algemene termijnenwet, art. 3 lid 1), Goede Vrijdag (lid 2) en de dagen die de regering daarmee gelijkstelt (art. 3 lid 3). Voeg hier een dag toe zodra een besluit hem gelijkstelt; lopende termijnen tellen daarna met de nieuwe kalender.',
    jaar: 'Jaar',
    caption: 'Niet-werkdagen in {jaar} naast de weekenden',
    datum: 'Datum',
    omschrijving: 'Omschrijving',
    soort: 'Soort',
    soorten: { feestdag: 'Feestdag', gelijkgesteld: 'Gelijkgesteld' },
    bron: 'Bron',
    bronBeheer: 'Toegevoegd door beheer (besluit in de omschrijving)',
    geen: 'Geen niet-werkdagen gevonden voor dit jaar.',
    toevoegen: 'Dag toevoegen',
    toevoegenIntro: 'Een dag die bij besluit is gelijkgesteld aan een feestdag, met het besluit in de omschrijving.',
    omschrijvingHulp: 'Bijvoorbeeld: "Vrijdag na Hemelvaartsdag, gelijkgesteld (Atw art. 3 lid 3)", met het besluit en de vindplaats waaruit de dag komt.',
    toegevoegd: '{datum} is toegevoegd als niet-werkdag.',
    opslaan: 'Dag toevoegen',
  },
};

export const en = {
  kalender: {
    nav: 'Calendar',
    title: 'Working-day calendar',
    intro:
      'Terms in working days skip weekends, the public holidays (Algemene termijnenwet, art. 3(1)), Good Friday (art. 3(2)) and the days the government declares equal to them (art. 3(3)). Add a day here as soon as a decree declares it; running terms count with the new calendar from then on.',
    jaar: 'Year',
    caption: 'Non-working days in {jaar} besides weekends',
    datum: 'Date',
    omschrijving: 'Description',
    soort: 'Kind',
    soorten: { feestdag: 'Public holiday', gelijkgesteld: 'Declared equal' },
    bron: 'Source',
    bronBeheer: 'Added by an administrator (decree in the description)',
    geen: 'No non-working days found for this year.',
    toevoegen: 'Add a day',
    toevoegenIntro: 'A day declared equal to a public holiday by decree, with the decree in the description.',
    omschrijvingHulp: 'For example: "Friday after Ascension Day, declared equal (Atw art. 3(3))", with the decree and where it was published.',
    toegevoegd: '{datum} has been added as a non-working day.',
    opslaan: 'Add day',
  },
};
