// The melding form's state and its one step (api.md, POST /api/meldingen; or POST /api/adviezen/:id/melding when it
// continues an advies): the fields, checked here first with the messages next to each field, then sent; the
// server's field errors land on the same fields.
import { melderRollen } from '@vt/db/domain/codes';
import { reactive, ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { useRoute } from 'vue-router';
import { api, call } from '../api/client';
import type { paths } from '../api/schema';
import { MELDING_FROM_ADVIES_KEY } from '../pages/advies-draft';
import { useAsync } from './useAsync';

type MeldingBody = paths['/api/meldingen']['post']['requestBody']['content']['application/json'];

export function useMeldingForm() {
  const { t } = useI18n();
  const route = useRoute();

  const fromAdvies = (() => {
    const id = typeof route.query.advies === 'string' ? route.query.advies : null;
    if (!id) return null;
    try {
      const c = JSON.parse(sessionStorage.getItem(MELDING_FROM_ADVIES_KEY) ?? 'null') as {
        adviesId: string;
        reference: string;
        kanaal: string;
        vrager: { naam: string; telefoon: string; email: string; organisatie: string } | null;
        vragerType: string;
        sector: string;
        geweldsvormen: string[];
        toelichting: string;
      } | null;
      return c && c.adviesId === id ? c : null;
    } catch {
      return null;
    }
  })();

  const form = reactive({
    kanaal: (fromAdvies?.kanaal === 'mail' ? 'mail' : 'telefoon') as MeldingBody['kanaal'],
    melder: {
      type: (fromAdvies?.vragerType === 'professional' ? 'professional' : fromAdvies ? 'niet_professional' : 'professional') as 'professional' | 'niet_professional',
      rol: ((melderRollen as readonly string[]).includes(fromAdvies?.vragerType ?? '') ? fromAdvies!.vragerType : '') as string,
      sector: fromAdvies?.sector ?? '',
      naam: fromAdvies?.vrager?.naam ?? '',
      organisatie: fromAdvies?.vrager?.organisatie ?? '',
      telefoon: fromAdvies?.vrager?.telefoon ?? '',
      email: fromAdvies?.vrager?.email ?? '',
      anoniemNaarHuishouden: false,
    },
    adres: { straat: '', huisnummer: '', postcode: '', plaats: '' },
    gemeente: '',
    betrokkenen: [{ rol: 'slachtoffer', voornaam: '', achternaam: '', geboortedatum: '' }] as { rol: string; voornaam: string; achternaam: string; geboortedatum: string }[],
    geweldsvormen: [...(fromAdvies?.geweldsvormen ?? [])],
    veiligheid: [] as string[],
    toelichting: fromAdvies?.toelichting ?? '',
  });

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
    fromAdvies
      ? call(api.POST('/api/adviezen/{id}/melding', { params: { path: { id: fromAdvies.adviesId } }, body: body() }))
      : call(api.POST('/api/meldingen', { body: body() })),
  );

  async function submit() {
    if (!validate()) return;
    const r = await run();
    if (r) {
      created.value = r;
      sessionStorage.removeItem(MELDING_FROM_ADVIES_KEY);
      window.scrollTo({ top: 0 });
    }
  }

  const fieldError = (path: string) => clientErrors.value[path] ?? error.value?.fieldError(path);

  return { form, fromAdvies, created, clientErrors, loading, error, fieldError, submit };
}
