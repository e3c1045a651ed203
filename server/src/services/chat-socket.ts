// What both sides of the web chat send over their WebSocket, checked before anything is done with it, and the
// helpers their routes share.
import type { FastifyRequest } from 'fastify';
import type { RawData, WebSocket } from 'ws';
import type { Sender } from './chat.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export type ClientMessage =
  | { type: 'hallo'; token: string }
  | { type: 'ping' }
  | { type: 'bericht'; tekst: string; chatId?: string }
  | { type: 'typen'; chatId?: string }
  | { type: 'einde' }
  | { type: 'accepteren'; chatId: string }
  | { type: 'beeindigen'; chatId: string }
  | { type: 'blokkeren'; chatId: string }
  | { type: 'overdragen'; chatId: string; naar: string; notitie: string };

const str = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;
const id = (v: unknown): v is string => typeof v === 'string' && UUID.test(v);

/** The message as a known shape, or null for anything else (nothing of it is logged). */
export function parseClientMessage(raw: RawData): ClientMessage | null {
  let m: Record<string, unknown>;
  try {
    m = JSON.parse(raw.toString()) as Record<string, unknown>;
  } catch {
    return null;
  }
  if (!m || typeof m !== 'object') return null;
  const chatId = m.chatId === undefined ? undefined : id(m.chatId) ? m.chatId : null;
  if (chatId === null) return null;
  switch (m.type) {
    case 'hallo':
      return typeof m.token === 'string' && TOKEN.test(m.token) ? { type: 'hallo', token: m.token } : null;
    case 'ping':
      return { type: 'ping' };
    case 'bericht':
      return str(m.tekst, 20_000) ? { type: 'bericht', tekst: m.tekst, ...(chatId ? { chatId } : {}) } : null;
    case 'typen':
      return { type: 'typen', ...(chatId ? { chatId } : {}) };
    case 'einde':
      return { type: 'einde' };
    case 'accepteren':
    case 'beeindigen':
    case 'blokkeren':
      return chatId ? { type: m.type, chatId } : null;
    case 'overdragen':
      return chatId && id(m.naar) && str(m.notitie, 1000) ? { type: 'overdragen', chatId, naar: m.naar, notitie: m.notitie } : null;
    default:
      return null;
  }
}

/** Sends JSON while the socket is open; a closed one is skipped. */
export function sender<E>(socket: WebSocket): Sender<E> {
  return { send: (e) => void (socket.readyState === socket.OPEN && socket.send(JSON.stringify(e))) };
}

/** A browser's WebSocket says where its page came from: only our own pages may open one (no cross-site socket). */
export function originAllowed(req: FastifyRequest): boolean {
  const origin = req.headers.origin;
  if (!origin) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}
