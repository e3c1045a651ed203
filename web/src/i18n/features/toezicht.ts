// Words of the break-glass oversight page (manager, privacy officer).
export const nl = {
  toezicht: {
    nav: 'Toezicht',
    title: 'Toezicht: break-glass',
    intro: 'Meldingen die medewerkers buiten hun eigen werkvoorraad hebben geopend, met een reden. Elke opening is één uur geldig.',
    since: 'Vanaf',
    show: 'Tonen',
    count: 'Geen openingen in deze periode. | 1 opening in deze periode. | {n} openingen in deze periode.',
    perUser: 'Openingen per medewerker',
    openings: 'Aantal',
    all: 'Alle openingen, nieuwste eerst',
    at: 'Tijdstip',
    user: 'Medewerker',
    case: 'Melding',
    until: 'Geldig tot',
    reason: 'Reden',
  },
};

export const en = {
  toezicht: {
    nav: 'Oversight',
    title: 'Oversight: break-glass',
    intro: 'Cases that staff opened outside their own queue, with a reason. Each opening lasts one hour.',
    since: 'From',
    show: 'Show',
    count: 'No openings in this period. | 1 opening in this period. | {n} openings in this period.',
    perUser: 'Openings per staff member',
    openings: 'Number',
    all: 'All openings, newest first',
    at: 'Time',
    user: 'Staff member',
    case: 'Case',
    until: 'Valid until',
    reason: 'Reason',
  },
};
