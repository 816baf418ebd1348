import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';

/** Serves a fetch handler on a real socket (for tests that need one: client addresses, proxies). Port 0 picks a free one. */
export function listen(fetch: (req: Request, env?: unknown) => Response | Promise<Response>, port = 0, hostname = '127.0.0.1') {
  return new Promise<{ url: string; close: () => Promise<void> }>((resolve) => {
    const server = serve({ fetch, port, hostname }, (info: AddressInfo) => {
      resolve({
        url: `http://${hostname}:${info.port}`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}
