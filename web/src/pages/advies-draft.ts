// The advies form's state (kept as a draft on the server while the call runs: composables/useConcept.ts) and its
// conversion to the API body.
import type { paths } from '../api/schema';

type AdviesBody = paths['/api/adviezen']['post']['requestBody']['content']['application/json'];

export interface AdviesDraft {
  startedAt: string;
  /** Set when the conversation's end is known (a web chat: when it ended); else the moment of saving. */
  endedAt?: string;
  /** The web chat this advies is filed from (its figures get linked to it). */
  chatId?: string;
  kanaal: AdviesBody['kanaal'];
  vragerType: AdviesBody['vragerType'];
  sector: NonNullable<AdviesBody['sector']> | '';
  beroep: NonNullable<AdviesBody['beroep']> | '';
  duurGeweld: NonNullable<AdviesBody['duurGeweld']> | '';
  /** The gemeente of the situation (CBS counts adviezen per gemeente); it identifies no one. */
  gemeente: string;
  anoniem: boolean;
  vrager: { naam: string; telefoon: string; email: string; organisatie: string };
  geweldsvormen: string[];
  samenvatting: string;
  adviesGegeven: string;
  uitkomst: AdviesBody['uitkomst'];
}

export const emptyAdvies = (): AdviesDraft => ({
  startedAt: new Date().toISOString(),
  kanaal: 'telefoon',
  vragerType: 'onbekend',
  sector: '',
  beroep: '',
  duurGeweld: '',
  gemeente: '',
  anoniem: true,
  vrager: { naam: '', telefoon: '', email: '', organisatie: '' },
  geweldsvormen: [],
  samenvatting: '',
  adviesGegeven: '',
  uitkomst: 'afgesloten',
});

/** The POST body: empty optional fields left out, nothing about the vrager when anonymous. */
export function toAdviesBody(d: AdviesDraft, endedAt: Date): AdviesBody {
  const vrager = Object.fromEntries(Object.entries(d.vrager).filter(([, v]) => v.trim() !== '').map(([k, v]) => [k, v.trim()]));
  return {
    kanaal: d.kanaal,
    startedAt: d.startedAt,
    endedAt: d.endedAt ?? endedAt.toISOString(),
    vragerType: d.vragerType,
    ...(d.vragerType === 'professional' && d.sector ? { sector: d.sector } : {}),
    ...(d.vragerType === 'professional' && d.beroep ? { beroep: d.beroep } : {}),
    ...(d.duurGeweld ? { duurGeweld: d.duurGeweld } : {}),
    ...(d.gemeente ? { gemeente: d.gemeente } : {}),
    anoniem: d.anoniem,
    ...(!d.anoniem && Object.keys(vrager).length ? { vrager } : {}),
    geweldsvormen: d.geweldsvormen as AdviesBody['geweldsvormen'],
    samenvatting: d.samenvatting.trim(),
    adviesGegeven: d.adviesGegeven.trim(),
    uitkomst: d.uitkomst,
  };
}

export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const mm = String(Math.floor(s / 60) % 60).padStart(2, '0');
  const ss = String(s % 60).padStart(2, '0');
  return s >= 3600 ? `${Math.floor(s / 3600)}:${mm}:${ss}` : `${mm}:${ss}`;
}
