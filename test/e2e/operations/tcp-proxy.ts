import * as net from 'net';

/**
 * A TCP proxy the test controls, between the app and PostgreSQL: `down()` drops every connection and refuses
 * new ones (a stopped server), `hang()` keeps connections open but moves no byte (a frozen server), `up()`
 * goes back to passing everything (what hang held flows on).
 */
export class TcpProxy {
  private server?: net.Server;
  private readonly pairs = new Set<{ client: net.Socket; upstream?: net.Socket }>();
  private mode: 'up' | 'hang' = 'up';
  port = 0;

  constructor(
    private readonly targetHost: string,
    private readonly targetPort: number,
  ) {}

  async listen(port = 0): Promise<number> {
    this.server = net.createServer((client) => this.accept(client));
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    this.port = (this.server.address() as net.AddressInfo).port;
    return this.port;
  }

  private accept(client: net.Socket) {
    const pair: { client: net.Socket; upstream?: net.Socket } = { client };
    this.pairs.add(pair);
    client.on('error', () => undefined);
    client.on('close', () => {
      pair.upstream?.destroy();
      this.pairs.delete(pair);
    });
    if (this.mode === 'hang') client.pause();
    else this.connect(pair);
  }

  private connect(pair: { client: net.Socket; upstream?: net.Socket }) {
    const upstream = net.connect(this.targetPort, this.targetHost);
    pair.upstream = upstream;
    upstream.on('error', () => pair.client.destroy());
    upstream.on('close', () => pair.client.destroy());
    pair.client.pipe(upstream);
    upstream.pipe(pair.client);
    pair.client.resume();
  }

  /** A stopped server: every connection dropped, new ones refused. */
  async down(): Promise<void> {
    for (const p of this.pairs) {
      p.client.destroy();
      p.upstream?.destroy();
    }
    this.pairs.clear();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }

  /** A frozen server: connections stay open, nothing moves either way. */
  hang(): void {
    this.mode = 'hang';
    for (const p of this.pairs) {
      p.client.unpipe();
      p.upstream?.unpipe();
      p.client.pause();
      p.upstream?.pause();
    }
  }

  /** Back to normal, on the same port. */
  async up(): Promise<void> {
    const wasHanging = this.mode === 'hang';
    this.mode = 'up';
    if (!this.server?.listening) await this.listen(this.port);
    if (!wasHanging) return;
    for (const p of this.pairs) {
      if (!p.upstream) this.connect(p);
      else {
        p.client.pipe(p.upstream);
        p.upstream.pipe(p.client);
        p.client.resume();
        p.upstream.resume();
      }
    }
  }

  async close(): Promise<void> {
    for (const p of this.pairs) {
      p.client.destroy();
      p.upstream?.destroy();
    }
    if (this.server?.listening) await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }
}
