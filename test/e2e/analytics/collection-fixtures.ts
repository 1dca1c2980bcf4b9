import { randomUUID } from 'crypto';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Pool } from 'pg';
import { KabarConfig } from '@kabar/config';
import { rootLogger } from '@kabar/common';
import { SandboxHandle, SandboxPlatform, startSandbox } from '@kabar/sandbox';
import { WorkerModule } from '../../../apps/worker/src/worker.module';
import { createTestDatabase } from '../../support/test-database';
import { sandboxOverrides } from '../../support/sandbox-config';
import { testConfig } from '../../support/test-app';
import { createAccount, ensureUnit, FixtureAccount, SECRET } from '../publishing/publishing-fixtures';

export interface CollectionHarness {
  databaseUrl: string;
  db: Pool;
  sb: SandboxHandle;
  /** The kota (root) and a kelurahan below it (Asia/Jakarta). */
  rootId: string;
  childId: string;
  account(platform: SandboxPlatform, opts?: { status?: 'active' | 'needs_reconnect' | 'disabled'; unitId?: string }): Promise<FixtureAccount>;
  /** A real worker (WorkerModule: publishing + analytics) in this process, on the harness database. */
  worker(overrides?: Partial<KabarConfig>): Promise<INestApplicationContext>;
  close(): Promise<void>;
}

/** A migrated database, a sandbox, a unit tree of two, and in-process workers on demand (closed by close()). */
export async function startCollectionHarness(): Promise<CollectionHarness> {
  const tdb = await createTestDatabase();
  const db = new Pool({ connectionString: tdb.url, max: 4 });
  const sb = await startSandbox();
  const rootId = await ensureUnit(db);
  const childId = randomUUID();
  await db.query(
    `INSERT INTO units (id, code, name, kind, parent_id, path, time_zone, review_required)
     SELECT $1::uuid, $3, 'Kelurahan Uji', 'kelurahan', id, path || $1::text || '/', 'Asia/Jakarta', false FROM units WHERE id = $2`,
    [childId, rootId, `T.kel.${childId.slice(0, 8)}`],
  );
  const workers: INestApplicationContext[] = [];
  return {
    databaseUrl: tdb.url,
    db,
    sb,
    rootId,
    childId,
    account: async (platform, opts = {}) => {
      const a = await createAccount(db, sb, opts.unitId ?? childId, platform);
      if (opts.status && opts.status !== 'active') await db.query(`UPDATE social_accounts SET status = $2 WHERE id = $1`, [a.id, opts.status]);
      return a;
    },
    worker: async (overrides = {}) => {
      const config = testConfig({
        ...sandboxOverrides(sb),
        secretKey: SECRET,
        collectPollIntervalMs: 500,
        publishDispatchIntervalMs: 500,
        // no comment collection: these tests count the platform calls of analytics alone
        aduanCollectIntervalMs: 0,
        ...overrides,
      });
      const ctx = await NestFactory.createApplicationContext(WorkerModule.forRoot(config, tdb.url, rootLogger('error')), { logger: ['error'] });
      await ctx.init();
      workers.push(ctx);
      return ctx;
    },
    close: async () => {
      for (const w of workers) await w.close();
      await db.end();
      await sb.close();
      await tdb.drop();
    },
  };
}

/**
 * Counts the requests one sandbox account makes with its token: a `slow` fault of 0 ms matches every
 * authenticated request of that account and changes nothing else; each request uses up one.
 */
export function requestProbe(sb: SandboxHandle, a: FixtureAccount): () => number {
  const COUNT = 1_000_000;
  sb.store.injectFault({ platform: a.platform, accountExternalId: a.externalId, kind: 'slow', delayMs: 0, count: COUNT });
  return () => {
    const f = sb.store.faults().find((x) => x.kind === 'slow' && x.accountExternalId === a.externalId);
    return COUNT - (f?.count ?? 0);
  };
}

export async function snapshotsOf(db: Pool, accountId: string): Promise<Array<{ at: Date; followers: number }>> {
  const { rows } = await db.query(`SELECT at, followers FROM account_snapshots WHERE account_id = $1 ORDER BY at`, [accountId]);
  return rows;
}

export { waitFor } from '../publishing/publishing-fixtures';
