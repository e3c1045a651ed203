// Words of the break-glass step on the case page.
export const nl = {
  breakGlass: {
    title: 'Melding buiten uw werkvoorraad',
    intro:
      'U kunt deze melding toch openen als uw werk dat nu vraagt. Uw reden, uw naam en het tijdstip worden vastgelegd en zijn zichtbaar voor de manager en de privacy officer. De toegang geldt een uur.',
    reason: 'Reden om deze melding te openen',
    reasonHelp: 'Minimaal 10 tekens, bijvoorbeeld: "Politie belt over een nieuw incident op dit adres."',
    open: 'Melding openen met deze reden',
    tooShort: 'Geef een reden van minimaal 10 tekens.',
  },
};

export const en = {
  breakGlass: {
    title: 'Case outside your queue',
    intro:
      'You can still open this case if your work requires it now. Your reason, your name and the time are recorded and visible to the manager and the privacy officer. Access lasts one hour.',
    reason: 'Reason for opening this case',
    reasonHelp: 'At least 10 characters, for example: "Police calling about a new incident at this address."',
    open: 'Open the case with this reason',
    tooShort: 'Give a reason of at least 10 characters.',
  },
};
