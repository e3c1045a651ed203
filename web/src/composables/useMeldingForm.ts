// The melding form's state and its one step (api.md, POST /api/meldingen; or POST /api/adviezen/:id/melding when it
// continues an advies): the fields, checked here first with the messages next to each field, then sent; the
// server's field errors land on the same fields. While it is filled in, the form is a draft on the server
// (useConcept): restored after a reload or a new sign-in, one per advies it continues.
import { melderRollen } from '@vt/db/domain/codes';
import { reactive, ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { useRoute } from 'vue-router';
import { api, call } from '../api/client';
import type { paths } from '../api/schema';
import { useAsync } from './useAsync';
import { useAdvies } from './useCalls';
import { useConcept } from './useConcept';

type MeldingBody = paths['/api/meldingen']['post']['requestBody']['content']['application/json'];
type Advies = paths['/api/adviezen/{id}']['get']['responses'][200]['content']['application/json'];

const emptyMelding = () => ({
  kanaal: 'telefoon' as MeldingBody['kanaal'],
  melder: {
    type: 'professional' as 'professional' | 'niet_professional',
    rol: '',
    sector: '',
    beroep: '',
    duurGeweld: '',
    naam: '',
    organisatie: '',
    telefoon: '',
    email: '',
    anoniemNaarHuishouden: false,
  },
  adres: { straat: '', huisnummer: '', postcode: '', plaats: '' },
  gemeente: '',
  betrokkenen: [{ rol: 'slachtoffer', voornaam: '', achternaam: '', geboortedatum: '' }] as { rol: string; voornaam: string; achternaam: string; geboortedatum: string }[],
  geweldsvormen: [] as string[],
  veiligheid: [] as string[],
  toelichting: '',
});
type MeldingForm = ReturnType<typeof emptyMelding>;

/** What the advies already told: the channel, the vrager as melder (unless anonymous), the forms of violence, the summary. */
function fromAdviesFields(a: Advies): Partial<MeldingForm> {
  const v = a.vrager;
  return {
    kanaal: a.kanaal === 'mail' ? 'mail' : 'telefoon',
    melder: {
      type: a.vragerType === 'professional' ? 'professional' : 'niet_professional',
      rol: (melderRollen as readonly string[]).includes(a.vragerType) ? a.vragerType : '',
      sector: a.sector ?? '',
      beroep: a.beroep ?? '',
      duurGeweld: a.duurGeweld ?? '',
      naam: v?.naam ?? '',
      organisatie: v?.organisatie ?? '',
      telefoon: v?.telefoon ?? '',
      email: v?.email ?? '',
      anoniemNaarHuishouden: false,
    },
    geweldsvormen: [...a.geweldsvormen],
    toelichting: a.samenvatting,
  };
}

export function useMeldingForm() {
  const { t } = useI18n();
  const route = useRoute();

  const adviesId = typeof route.query.advies === 'string' && /^[0-9a-f-]{36}$/.test(route.query.advies) ? route.query.advies : null;
  /** The advies this melding continues, once read; `meldingId` set when it already became one. */
  const fromAdvies = ref<{ adviesId: string; reference: string; meldingId: string | null } | null>(null);
  const advies = useAdvies();

  const form = reactive<MeldingForm>(emptyMelding());
  const isEmpty = () =>
    !form.melder.naam.trim() &&
    !form.adres.straat.trim() &&
    !form.adres.postcode.trim() &&
    !form.gemeente &&
    !form.toelichting.trim() &&
    form.geweldsvormen.length === 0 &&
    form.veiligheid.length === 0 &&
    form.betrokkenen.every((b) => !b.voornaam.trim() && !b.achternaam.trim());
  const concept = useConcept(() => (adviesId ? `melding-van-advies-${adviesId}` : 'melding'), form, {
    isEmpty,
    apply: (inhoud) => Object.assign(form, { ...emptyMelding(), ...(inhoud as Partial<MeldingForm>) }),
  });

  /** The form is shown once it holds what it starts from, so nothing typed is overwritten by it. */
  const ready = ref(false);

  /** Reads the advies it continues (and fills in what it told), then the draft, which wins where there is one. */
  async function start() {
    if (adviesId) {
      const a = await advies.run(adviesId);
      if (!a) return;
      fromAdvies.value = { adviesId: a.id, reference: a.reference, meldingId: a.meldingId };
      if (a.meldingId) return;
      Object.assign(form, { ...emptyMelding(), ...fromAdviesFields(a) });
    }
    await concept.load();
    ready.value = true;
  }

  const clientErrors = ref<Record<string, string>>({});
  const created = ref<{ id: string; reference: string } | null>(null);

  function validate(): boolean {
    const e: Record<string, string> = {};
    const req = (path: string, v: string) => {
      if (!v.trim()) e[path] = t('common.required');
    };
    req('/melder/naam', form.melder.naam);
    req('/huishouden/adres/straat', form.adres.straat);
    req('/huishouden/adres/huisnummer', form.adres.huisnummer);
    req('/huishouden/adres/plaats', form.adres.plaats);
    req('/huishouden/gemeente', form.gemeente);
    if (!/^[1-9][0-9]{3} ?[A-Za-z]{2}$/.test(form.adres.postcode.trim())) e['/huishouden/adres/postcode'] = t('melding.postcodeInvalid');
    form.betrokkenen.forEach((b, i) => {
      req(`/betrokkenen/${i}/voornaam`, b.voornaam);
      req(`/betrokkenen/${i}/achternaam`, b.achternaam);
    });
    clientErrors.value = e;
    return Object.keys(e).length === 0;
  }

  function body(): MeldingBody {
    const m = form.melder;
    const opt = (k: string, v: string) => (v.trim() ? { [k]: v.trim() } : {});
    return {
      kanaal: form.kanaal,
      melder: {
        type: m.type,
        ...(m.type === 'niet_professional' && m.rol ? { rol: m.rol as never } : {}),
        ...(m.type === 'professional' && m.sector ? { sector: m.sector as never } : {}),
        ...(m.type === 'professional' && m.beroep ? { beroep: m.beroep as never } : {}),
        ...(m.duurGeweld ? { duurGeweld: m.duurGeweld as never } : {}),
        naam: m.naam.trim(),
        ...opt('organisatie', m.organisatie),
        ...opt('telefoon', m.telefoon),
        ...opt('email', m.email),
        anoniemNaarHuishouden: m.anoniemNaarHuishouden,
      },
      huishouden: { adres: { straat: form.adres.straat.trim(), huisnummer: form.adres.huisnummer.trim(), postcode: form.adres.postcode.trim(), plaats: form.adres.plaats.trim() }, gemeente: form.gemeente },
      betrokkenen: form.betrokkenen.map((b) => ({ rol: b.rol as never, voornaam: b.voornaam.trim(), achternaam: b.achternaam.trim(), ...(b.geboortedatum ? { geboortedatum: b.geboortedatum } : {}) })),
      geweldsvormen: form.geweldsvormen as MeldingBody['geweldsvormen'],
      veiligheid: Object.fromEntries(form.veiligheid.map((v) => [v, true])),
      ...(form.toelichting.trim() ? { toelichting: form.toelichting.trim() } : {}),
    };
  }

  const { run, loading, error } = useAsync(async () =>
    adviesId
      ? call(api.POST('/api/adviezen/{id}/melding', { params: { path: { id: adviesId } }, body: body() }))
      : call(api.POST('/api/meldingen', { body: body() })),
  );

  async function submit() {
    if (!validate()) return;
    const r = await run();
    if (r) {
      created.value = r;
      await concept.finish();
      window.scrollTo({ top: 0 });
    }
  }

  const fieldError = (path: string) => clientErrors.value[path] ?? error.value?.fieldError(path);

  return { form, ready, fromAdvies, adviesError: advies.error, concept, start, created, clientErrors, loading, error, fieldError, submit };
}
