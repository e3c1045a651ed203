// A staff member's live-event stream over real HTTP (GET /api/events), for tests and benches that run the product in
// processes of its own: signs in by fetch, reads the stream and keeps what arrived, with the moment it arrived.
import { DEMO_PASSWORD } from './env.ts';

export interface HttpSession {
  cookie: string;
  csrfToken: string;
}

export async function signIn(base: string, email: string, password = DEMO_PASSWORD): Promise<HttpSession> {
  const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  if (res.status !== 200) throw new Error(`login ${email} failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie()[0]!.split(';')[0]!;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie, csrfToken };
}

export interface ReceivedEvent {
  type: string;
  id: string | null;
  at: number;
}

export interface EventStream {
  events: ReceivedEvent[];
  /** Resolves when the stream is open (the server's first bytes arrived). */
  opened: Promise<void>;
  /** Resolves when the server ended the stream or the connection dropped. */
  ended: Promise<void>;
  idsOf(type: string): Set<string>;
  close(): void;
}

export function openEvents(base: string, session: HttpSession): EventStream {
  const controller = new AbortController();
  const events: ReceivedEvent[] = [];
  let open!: () => void;
  const opened = new Promise<void>((r) => (open = r));
  const ended = (async () => {
    try {
      const res = await fetch(`${base}/api/events`, { headers: { cookie: session.cookie }, signal: controller.signal });
      if (res.status !== 200) throw new Error(`events: ${res.status}`);
      const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        open();
        buffer += value;
        let cut: number;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const type = /^event: (.+)$/m.exec(block)?.[1];
          const data = /^data: (.+)$/m.exec(block)?.[1];
          if (type && data) events.push({ type, id: (JSON.parse(data) as { id?: string }).id ?? null, at: Date.now() });
        }
      }
    } catch {
      // Aborted by close(), or the server went away: the stream has ended either way.
    } finally {
      open();
    }
  })();
  return {
    events,
    opened,
    ended,
    idsOf: (type) => new Set(events.filter((e) => e.type === type && e.id).map((e) => e.id!)),
    close: () => controller.abort(),
  };
}
