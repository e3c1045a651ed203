// A TCP proxy in front of a real service, so a test can cut the connection (refuse new ones and drop the open
// ones) and restore it, as a network fault or a restarted database would.
import { createServer, connect, type Server, type Socket } from 'node:net';

export interface FaultProxy {
  port: number;
  url(base: string): string;
  /** Refuse new connections and drop the open ones. */
  cut(): Promise<void>;
  restore(): Promise<void>;
  close(): Promise<void>;
}

export async function startProxy(targetPort: number, targetHost = '127.0.0.1', port = 0): Promise<FaultProxy> {
  const sockets = new Set<Socket>();
  let server: Server | undefined;
  let listenPort = port;

  const listen = () =>
    new Promise<void>((resolve) => {
      server = createServer((client) => {
        const upstream = connect(targetPort, targetHost);
        sockets.add(client).add(upstream);
        const drop = () => {
          client.destroy();
          upstream.destroy();
          sockets.delete(client);
          sockets.delete(upstream);
        };
        client.on('error', drop).on('close', drop);
        upstream.on('error', drop).on('close', drop);
        client.pipe(upstream).pipe(client);
      });
      server.listen(listenPort, '127.0.0.1', () => {
        listenPort = (server!.address() as { port: number }).port;
        resolve();
      });
    });

  const stop = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      sockets.clear();
      if (!server) return resolve();
      server.close(() => resolve());
      server = undefined;
    });

  await listen();
  return {
    get port() {
      return listenPort;
    },
    url(base: string) {
      const u = new URL(base);
      u.hostname = '127.0.0.1';
      u.port = String(listenPort);
      return u.toString();
    },
    cut: stop,
    restore: listen,
    close: stop,
  };
}
