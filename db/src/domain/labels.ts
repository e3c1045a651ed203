// Plain Dutch for every factor, question and route rule, so anyone can read why a proposal was made.
import type { VeiligheidVraag } from './codes.ts';

export const veiligheidVraagLabelsNl: Record<VeiligheidVraag, { label: string; uitleg: string }> = {
  lopendGeweld: { label: 'Geweld is gaande of dreigt', uitleg: 'Het geweld vindt nu plaats of staat op het punt te gebeuren.' },
  doodsbedreiging: { label: 'Doodsbedreiging', uitleg: 'Er is gedreigd iemand te doden.' },
  wapen: { label: 'Wapen', uitleg: 'Er is een wapen gebruikt of er wordt mee gedreigd.' },
  verwurging: { label: 'Verwurging', uitleg: 'Iemand is gewurgd of bij de keel gegrepen: een sterke voorspeller van dodelijk geweld.' },
  ernstigLetsel: { label: 'Ernstig letsel', uitleg: 'Er is ernstig lichamelijk letsel.' },
  letselJongKind: { label: 'Letsel bij een kind jonger dan 2 jaar', uitleg: 'Een kind jonger dan 2 jaar heeft letsel.' },
  seksueelMisbruikToegang: { label: 'Seksueel misbruik, pleger heeft toegang', uitleg: 'Vermoeden van seksueel misbruik van een kind terwijl de vermoedelijke pleger toegang tot het kind heeft.' },
  dreigendVertrek: { label: 'Dreigend vertrek naar het buitenland', uitleg: 'Dreigende huwelijksdwang, achterlating of een reis voor genitale verminking.' },
  geenBescherming: { label: 'Kan zich niet beschermen', uitleg: 'Het slachtoffer (een afhankelijk kind of oudere) is alleen met de vermoedelijke pleger.' },
  herhaaldGeweld: { label: 'Herhaald geweld', uitleg: 'Het geweld is eerder voorgekomen.' },
  dwingendeControle: { label: 'Dwingende controle', uitleg: 'Stelselmatige controle, isolement of intimidatie door een partner of gezinslid.' },
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
  eergerelateerd: 'eergerelateerd geweld',
  mensenhandel: 'mensenhandel',
};

export const routeRuleLabelsNl: Record<string, string> = {
  acuut: 'Bij acute onveiligheid: direct naar het crisisteam.',
  mdo_specialistisch: 'Bij een vermoeden van eergerelateerd geweld of mensenhandel: naar het MDO, nooit rechtstreeks naar het wijkteam.',
  mdo_context: 'Bij twijfel of er geweld is, ontkenning of weigering, te weinig informatie of toegezegde anonimiteit: Veilig Thuis houdt de regie (MDO).',
  mdo_herhaald: 'Bij structurele zorgen en minstens 2 eerdere meldingen in 24 maanden: naar het MDO.',
  hulpverlening: 'Als er al een professional betrokken is, het huishouden meewerkt en er structurele zorgen of meervoudige problemen zijn: overdracht aan de betrokken hulpverlening.',
  wijkteam: 'Bij structurele zorgen of meervoudige problemen: overdracht aan het wijkteam van de gemeente.',
  afsluiten: 'Als niets hiervan geldt: afsluiten of omzetten in advies.',
};

/** The same in English, for the English UI (the Dutch above is the source; the policy's reasons are Dutch first). */
export const veiligheidVraagLabelsEn: Record<VeiligheidVraag, { label: string; uitleg: string }> = {
  lopendGeweld: { label: 'Violence ongoing or imminent', uitleg: 'The violence is happening now or about to happen.' },
  doodsbedreiging: { label: 'Death threat', uitleg: 'Someone has been threatened with death.' },
  wapen: { label: 'Weapon', uitleg: 'A weapon has been used or threatened with.' },
  verwurging: { label: 'Strangulation', uitleg: 'Someone was strangled or grabbed by the throat: a strong predictor of lethal violence.' },
  ernstigLetsel: { label: 'Serious injury', uitleg: 'There is serious physical injury.' },
  letselJongKind: { label: 'Injury to a child under 2', uitleg: 'A child younger than 2 years has an injury.' },
  seksueelMisbruikToegang: { label: 'Sexual abuse, perpetrator has access', uitleg: 'Suspected sexual abuse of a child while the suspected perpetrator has access to the child.' },
  dreigendVertrek: { label: 'Imminent departure abroad', uitleg: 'Imminent forced marriage, abandonment abroad or a journey for genital mutilation.' },
  geenBescherming: { label: 'Cannot protect themselves', uitleg: 'The victim (a dependent child or older person) is alone with the suspected perpetrator.' },
  herhaaldGeweld: { label: 'Repeated violence', uitleg: 'The violence has happened before.' },
  dwingendeControle: { label: 'Coercive control', uitleg: 'Systematic control, isolation or intimidation by a partner or family member.' },
  kindGetuige: { label: 'Child witnesses', uitleg: 'Children see or hear the violence between adults.' },
  verwaarlozing: { label: 'Neglect', uitleg: 'Basic care for a child or older person is lacking.' },
  zorgafhankelijk: { label: 'Care-dependent', uitleg: 'The victim depends on care by the suspected perpetrator.' },
  stalking: { label: 'Stalking', uitleg: 'Systematic harassment, following or threatening.' },
  verslaving: { label: 'Addiction', uitleg: 'Addiction problems in the household.' },
  psychiatrie: { label: 'Psychiatric problems', uitleg: 'Psychiatric problems of someone involved.' },
  financieleUitbuiting: { label: 'Financial exploitation', uitleg: 'Money or belongings are taken or misused.' },
  schulden: { label: 'Debts', uitleg: 'Problematic debts.' },
  huisvesting: { label: 'Housing', uitleg: 'Imminent homelessness or unsuitable housing.' },
  isolement: { label: 'Isolation', uitleg: 'The household has little or no social network.' },
  onduidelijkOfGeweld: { label: 'Unclear whether there is violence', uitleg: 'There is doubt whether violence is taking place.' },
  ontkenningOfWeigering: { label: 'Denial or refusal', uitleg: 'Those involved deny, play down or refuse help.' },
  onvoldoendeInformatie: { label: 'Insufficient information', uitleg: 'There is too little information to assess safety.' },
  anonimiteitToegezegd: { label: 'Anonymity promised', uitleg: 'The reporter was promised anonymity towards the household.' },
  professionalBetrokken: { label: 'Professional involved', uitleg: 'A professional is already involved with the household.' },
  huishoudenWerktMee: { label: 'Household cooperates', uitleg: 'The household is open to help.' },
};

export const factorLabelsEn: Record<string, string> = {
  ...Object.fromEntries(Object.entries(veiligheidVraagLabelsEn).map(([k, v]) => [k, v.label.toLowerCase()])),
  kindJongerDan4: 'child younger than 4 years',
  kindJongerDan18: 'child younger than 18 years',
  slachtoffer65Plus: 'victim aged 65 or older',
  eerdereMeldingen: 'earlier reports about this household (radar)',
  eergerelateerd: 'honour-related violence',
  mensenhandel: 'human trafficking',
};

export const routeRuleLabelsEn: Record<string, string> = {
  acuut: 'With acute danger: straight to the crisis team.',
  mdo_specialistisch: 'With suspected honour-related violence or human trafficking: to the MDO, never straight to the local team.',
  mdo_context: 'With doubt whether there is violence, denial or refusal, too little information or promised anonymity: Veilig Thuis keeps control (MDO).',
  mdo_herhaald: 'With structural concerns and at least 2 earlier reports in 24 months: to the MDO.',
  hulpverlening: 'When a professional is already involved, the household cooperates and there are structural concerns or multiple problems: handover to the care already involved.',
  wijkteam: 'With structural concerns or multiple problems: handover to the local team of the municipality.',
  afsluiten: 'When none of this applies: close or turn into advice.',
};

/** The labels of the UI's language (Dutch unless English is chosen). */
export const triageLabels = (locale: string) =>
  locale === 'en'
    ? { vragen: veiligheidVraagLabelsEn, factoren: factorLabelsEn, routeRules: routeRuleLabelsEn }
    : { vragen: veiligheidVraagLabelsNl, factoren: factorLabelsNl, routeRules: routeRuleLabelsNl };
