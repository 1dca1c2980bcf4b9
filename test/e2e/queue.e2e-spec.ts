import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@kabar/database';
import { DONE, QueueService, QueueWorkers, defineJobKind, deterministicJobId } from '@kabar/queue';
import { createTestDatabase } from '../support/test-database';

/** The one queue every context uses: typed kinds, inserts inside the caller's transaction, one handler per kind. */
describe('queue (pg-boss on the test PostgreSQL)', () => {
  let tdb: { url: string; drop(): Promise<void> };
  let ds: DataSource;
  let queue: QueueService;
  const PING = defineJobKind<{ n: number }>('test.ping', { policy: 'standard', retryLimit: 2, retryDelay: 1 });
  const ORPHAN = defineJobKind<{ n: number }>('test.orphan', { policy: 'standard' });

  beforeAll(async () => {
    tdb = await createTestDatabase();
    ds = new DataSource(dataSourceOptions(tdb.url, []));
    await ds.initialize();
    queue = new QueueService(tdb.url);
  });
  afterAll(async () => {
    await queue?.onApplicationShutdown();
    await ds?.destroy();
    await tdb?.drop();
  });

  const jobs = async (name: string) => (await ds.query(`SELECT id, data, state FROM pgboss.job WHERE name = $1 ORDER BY created_on`, [name])) as any[];

  it('a worker whose declared job kind has no handler refuses to start', async () => {
    const workers = new QueueWorkers(queue, [PING, ORPHAN]);
    workers.register(PING, { maxInFlight: 1, batchSize: 1, handle: async ([j]) => new Map([[j.id, DONE]]) });
    await expect(workers.onApplicationBootstrap()).rejects.toThrow('no handler for job kind(s): test.orphan');
    expect(() => workers.register(PING, { maxInFlight: 1, batchSize: 1, handle: async () => new Map() })).toThrow('two handlers');
  });

  it('jobs inserted in a transaction exist only if it commits; deterministic ids insert once; a handler sees each job once', async () => {
    await ds
      .transaction(async (em) => {
        await queue.enqueue(PING, [{ data: { n: 1 } }], em);
        throw new Error('rolled back');
      })
      .catch(() => undefined);
    expect(await jobs(PING.name)).toHaveLength(0);
    const id = deterministicJobId('test.ping:2');
    await ds.transaction(async (em) => queue.enqueue(PING, [{ id, data: { n: 2 } }], em));
    await queue.enqueue(PING, [{ id, data: { n: 2 } }]);
    expect((await jobs(PING.name)).map((j) => j.data)).toEqual([{ n: 2 }]);

    const seen: number[] = [];
    const workers = new QueueWorkers(queue, [PING]);
    workers.register(PING, {
      maxInFlight: 4,
      batchSize: 1,
      idlePollMs: 50,
      handle: async ([j]) => {
        seen.push(j.data.n);
        return new Map([[j.id, DONE]]);
      },
    });
    await workers.onApplicationBootstrap();
    for (let i = 0; i < 100 && !seen.length; i++) await new Promise((r) => setTimeout(r, 50));
    await workers.stop(PING, 2_000);
    expect(seen).toEqual([2]);
    expect((await jobs(PING.name))[0].state).toBe('completed');
  });
});
