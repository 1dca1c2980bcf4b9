import * as net from 'net';

/** True when nothing listens on `port` of `host` (checked by listening there for a moment). */
export function isPortFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen({ port, host, exclusive: true }, () => srv.close(() => resolve(true)));
  });
}

/** `port` when free, else the first free one of the next `tries`, else one the system picks. */
export async function firstFreePort(port: number, host = '127.0.0.1', tries = 50): Promise<number> {
  for (let p = port; p < Math.min(port + tries, 65536); p++) if (await isPortFree(p, host)) return p;
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, host, () => {
      const { port: free } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(free));
    });
  });
}
