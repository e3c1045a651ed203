// Plain Dutch for every factor, question and route rule, so anyone can read why a proposal was made.
import type { VeiligheidVraag } from './codes.ts';

export const veiligheidVraagLabelsNl: Record<VeiligheidVraag, { label: string; uitleg: string }> = {
  lopendGeweld: { label: 'Geweld is gaande of dreigt', uitleg: 'Het geweld vindt nu plaats of staat op het punt te gebeuren.' },
  doodsbedreiging: { label: 'Doodsbedreiging', uitleg: 'Er is gedreigd iemand te doden.' },
  wapen: { label: 'Wapen', uitleg: 'Er is een wapen gebruikt of er wordt mee gedreigd.' },
  verwurging: { label: 'Verwurging', uitleg: 'Iemand is gewurgd of bij de keel gegrepen: een sterke voorspeller van dodelijk geweld.' },
  ernstigLetsel: { label: 'Ernstig letsel', uitleg: 'Er is ernstig lichamelijk letsel.' },
  letselJongKind: { label: 'Letsel bij kind onder 2', uitleg: 'Een kind jonger dan 2 jaar heeft letsel.' },
  seksueelMisbruikToegang: { label: 'Seksueel misbruik, pleger heeft toegang', uitleg: 'Vermoeden van seksueel misbruik van een kind terwijl de vermoedelijke pleger toegang tot het kind heeft.' },
  dreigendVertrek: { label: 'Dreigend vertrek naar het buitenland', uitleg: 'Dreigend huwelijksdwang, achterlating of een reis voor genitale verminking.' },
  geenBescherming: { label: 'Kan zich niet beschermen', uitleg: 'Het slachtoffer (een afhankelijk kind of oudere) is alleen met de vermoedelijke pleger.' },
  herhaaldGeweld: { label: 'Herhaald geweld', uitleg: 'Het geweld is eerder voorgekomen.' },
  dwingendeControle: { label: 'Dwingende controle', uitleg: 'Stelselmatige controle, isolatie of intimidatie door de partner.' },
  kindGetuige: { label: 'Kind is getuige', uitleg: 'Kinderen zien of horen het geweld tussen volwassenen.' },
  verwaarlozing: { label: 'Verwaarlozing', uitleg: 'Basiszorg voor een kind of oudere ontbreekt.' },
  zorgafhankelijk: { label: 'Zorgafhankelijk', uitleg: 'Het slachtoffer is afhankelijk van zorg door de vermoedelijke pleger.' },
  stalking: { label: 'Stalking', uitleg: 'Stelselmatig lastigvallen, volgen of bedreigen.' },
  verslaving: { label: 'Verslaving', uitleg: 'Verslavingsproblemen in het huishouden.' },
  psychiatrie: { label: 'Psychiatrische problemen', uitleg: 'Psychiatrische problematiek bij een betrokkene.' },
  financieleUitbuiting: { label: 'Financiële uitbuiting', uitleg: 'Geld of bezittingen worden afgenomen of misbruikt.' },
  schulden: { label: 'Schulden', uitleg: 'Problematische schulden.' },
  huisvesting: { label: 'Huisvesting', uitleg: 'Dreigende dakloosheid of ongeschikte woonruimte.' },
  isolement: { label: 'Isolement', uitleg: 'Het huishouden heeft weinig of geen sociaal netwerk.' },
  onduidelijkOfGeweld: { label: 'Onduidelijk of er geweld is', uitleg: 'Er is twijfel of er sprake is van geweld.' },
  ontkenningOfWeigering: { label: 'Ontkenning of weigering', uitleg: 'Betrokkenen ontkennen, bagatelliseren of weigeren hulp.' },
  onvoldoendeInformatie: { label: 'Onvoldoende informatie', uitleg: 'Er is te weinig informatie om de veiligheid te beoordelen.' },
  anonimiteitToegezegd: { label: 'Anonimiteit toegezegd', uitleg: 'De melder is anonimiteit naar het huishouden beloofd.' },
  professionalBetrokken: { label: 'Professional betrokken', uitleg: 'Er is al een hulpverlener bij het huishouden betrokken.' },
  huishoudenWerktMee: { label: 'Huishouden werkt mee', uitleg: 'Het huishouden staat open voor hulp.' },
};

export const factorLabelsNl: Record<string, string> = {
  ...Object.fromEntries(Object.entries(veiligheidVraagLabelsNl).map(([k, v]) => [k, v.label.toLowerCase()])),
  kindJongerDan4: 'kind jonger dan 4 jaar',
  kindJongerDan18: 'kind jonger dan 18 jaar',
  slachtoffer65Plus: 'slachtoffer van 65 jaar of ouder',
  eerdereMeldingen: 'eerdere meldingen over dit huishouden (radar)',
};

export const routeRuleLabelsNl: Record<string, string> = {
  acuut: 'Acute onveiligheid: direct naar het crisisteam.',
  mdo_context: 'Onduidelijkheid, ontkenning, te weinig informatie of toegezegde anonimiteit: Veilig Thuis houdt de regie (MDO).',
  mdo_herhaald: 'Structureel geweld en al minstens 2 eerdere meldingen: eerdere hulp bracht geen veiligheid (MDO).',
  wijkteam: 'Structurele of meervoudige problemen: overdracht aan het wijkteam van de gemeente.',
  afsluiten: 'Geen aanwijzingen voor vervolgstappen: afsluiten of omzetten in advies.',
};
