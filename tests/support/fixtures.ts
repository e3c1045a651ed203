// Valid request bodies to start from; tests change one thing at a time.
export function meldingBody(overrides: Record<string, unknown> = {}) {
  return {
    kanaal: 'ketenpartner',
    melder: { type: 'professional', sector: 'politie', naam: 'Agent Testpersoon', organisatie: 'Politie', anoniemNaarHuishouden: false },
    huishouden: { adres: { straat: 'Teststraat', huisnummer: '12a', postcode: '7511 AB', plaats: 'Enschede' }, gemeente: 'GM0153' },
    betrokkenen: [
      { rol: 'slachtoffer', voornaam: 'Test', achternaam: 'Slachtoffer', geboortedatum: '1990-04-01' },
      { rol: 'kind', voornaam: 'Klein', achternaam: 'Slachtoffer', geboortedatum: '2024-01-15' },
    ],
    geweldsvormen: ['partnergeweld'],
    veiligheid: { herhaaldGeweld: true },
    toelichting: 'Derde incident dit jaar.',
    ...overrides,
  };
}

export function adviesBody(overrides: Record<string, unknown> = {}) {
  const startedAt = new Date(Date.now() - 10 * 60_000).toISOString();
  return {
    kanaal: 'telefoon',
    startedAt,
    endedAt: new Date().toISOString(),
    vragerType: 'omstander',
    anoniem: true,
    geweldsvormen: ['partnergeweld'],
    samenvatting: 'Buurvrouw hoort vaak geschreeuw.',
    adviesGegeven: 'Besproken wat zij kan doen; bij direct gevaar 112.',
    uitkomst: 'afgesloten',
    ...overrides,
  };
}

/** An online melding of a professional (POST /api/publiek/meldingen) on the form token `formulier`. */
export function publiekeMeldingBody(formulier: string, overrides: Record<string, unknown> = {}) {
  return {
    gezien: 'Een leerling vertelt dat het thuis niet veilig is; blauwe plekken op de arm.',
    huishouden: { adres: { straat: 'Teststraat', huisnummer: '1', postcode: '7511 AB', plaats: 'Enschede' }, gemeente: 'GM0153' },
    betrokkenen: [{ rol: 'kind', voornaam: 'Test', achternaam: 'Kind', geboortedatum: '2017-03-02' }],
    geweldsvormen: ['getuige_partnergeweld'],
    afweging: { onveiligheid: true, zelfHulp: false },
    melder: { naam: 'Juf Test', organisatie: 'Basisschool Test', sector: 'onderwijs', telefoon: '053 123 45 67', email: 'juf@school.example', anoniemNaarHuishouden: false },
    gezinWeet: 'ja',
    formulier,
    ...overrides,
  };
}
