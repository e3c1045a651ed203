// Words of the melder's status page (issue #20) and the public pages' header.
export const nl = {
  publiek: { merk: 'Veilig Thuis', bel: 'Bel gratis 0800-2000, dag en nacht' },
  status: {
    title: 'Uw melding bij Veilig Thuis',
    laden: 'De status wordt opgehaald…',
    onbekend: 'Deze link is onbekend, verlopen of ingetrokken. Heeft u vragen over uw melding? Bel Veilig Thuis: 0800-2000.',
    melding: 'Melding {reference}, ontvangen op {op}.',
    fasen: 'Waar uw melding staat',
    fase: {
      ontvangen: 'Ontvangen',
      vervolg: 'Veiligheidsbeoordeling gedaan: er is een vervolg',
      afgesloten: 'Afgesloten',
    },
    faseUitleg: {
      ontvangen: 'Veilig Thuis heeft uw melding ontvangen en beoordeelt de veiligheid.',
      vervolg: 'Veilig Thuis heeft de veiligheid beoordeeld en heeft bepaald wat er verder gebeurt.',
      afgesloten: 'Veilig Thuis heeft de bemoeienis met deze melding afgesloten.',
    },
    huidig: '(nu)',
    berichten: 'Terugkoppeling van Veilig Thuis',
    geenBerichten: 'Er is nog geen terugkoppeling. U krijgt bericht na de veiligheidsbeoordeling, en opnieuw na een onderzoek.',
    moment: { na_beoordeling: 'Na de veiligheidsbeoordeling', na_onderzoek: 'Na het onderzoek' },
    privacy: 'Veilig Thuis deelt hier alleen wat de wet toestaat met de melder te delen: geen gegevens over het gezin of huishouden.',
    geldig: 'Deze link werkt tot {datum}. Deel hem met niemand.',
    vragen: 'Vragen? Bel 0800-2000. Bij direct gevaar: bel 112.',
  },
};

export const en = {
  publiek: { merk: 'Veilig Thuis', bel: 'Call free 0800-2000, day and night' },
  status: {
    title: 'Your report to Veilig Thuis',
    laden: 'Fetching the status…',
    onbekend: 'This link is unknown, expired or revoked. Questions about your report? Call Veilig Thuis: 0800-2000.',
    melding: 'Report {reference}, received on {op}.',
    fasen: 'Where your report stands',
    fase: {
      ontvangen: 'Received',
      vervolg: 'Safety assessment done: there is a follow-up',
      afgesloten: 'Closed',
    },
    faseUitleg: {
      ontvangen: 'Veilig Thuis has received your report and is assessing the safety.',
      vervolg: 'Veilig Thuis has assessed the safety and decided what happens next.',
      afgesloten: 'Veilig Thuis has closed its involvement with this report.',
    },
    huidig: '(now)',
    berichten: 'Feedback from Veilig Thuis',
    geenBerichten: 'There is no feedback yet. You hear from us after the safety assessment, and again after an investigation.',
    moment: { na_beoordeling: 'After the safety assessment', na_onderzoek: 'After the investigation' },
    privacy: 'Veilig Thuis shares here only what the law allows it to share with the reporter: nothing about the family or household.',
    geldig: 'This link works until {datum}. Share it with no one.',
    vragen: 'Questions? Call 0800-2000. In immediate danger: call 112.',
  },
};
