// A load balancer for tests (issue #19), as Caddy runs in the compose file: each new connection goes to the next API
// process in turn, and to the one after when that one refuses it (a killed process), so a client sees one address
// whatever happens behind it. TCP only: a live-event stream stays on the process it reached until that one goes.
import { connect, createServer, type Server, type Socket } from 'node:net';

export interface Balancer {
  base: string;
  close(): Promise<void>;
}

export async function startBalancer(ports: number[]): Promise<Balancer> {
  let next = 0;
  const open = new Set<Socket>();
  const server: Server = createServer((client) => {
    open.add(client);
    client.pause();
    const attempt = (tries: number) => {
      const upstream = connect(ports[next++ % ports.length]!, '127.0.0.1');
      upstream.once('error', () => {
        upstream.destroy();
        // Refused (the process is gone): the next one, as long as there is one left to try.
        if (tries < ports.length && !client.destroyed) attempt(tries + 1);
        else client.destroy();
      });
      upstream.once('connect', () => {
        open.add(upstream);
        const drop = () => {
          client.destroy();
          upstream.destroy();
          open.delete(client);
          open.delete(upstream);
        };
        upstream.removeAllListeners('error');
        upstream.on('error', drop).once('close', drop);
        client.on('error', drop).once('close', drop);
        client.pipe(upstream).pipe(client);
        client.resume();
      });
    };
    attempt(1);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    base: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    close: () =>
      new Promise((resolve) => {
        for (const s of open) s.destroy();
        server.close(() => resolve());
      }),
  };
}
