import { DataSource } from 'typeorm';
import { dataSourceOptions, runMigrations } from '@kabar/database';
import { createTestDatabase } from '../../support/test-database';

describe('the analytics migration', () => {
  it('reverts to a plain account_snapshots keeping its rows, and applies again', async () => {
    const db = await createTestDatabase();
    const ds = new DataSource(dataSourceOptions(db.url));
    await ds.initialize();
    const partitioned = async () =>
      (await ds.query(`SELECT relkind FROM pg_class WHERE relname = 'account_snapshots' AND relnamespace = 'public'::regnamespace`))[0].relkind;
    try {
      const [unit] = await ds.query(`INSERT INTO units (name, kind, path) VALUES ('Kota Uji', 'kota', '') RETURNING id`);
      const [acct] = await ds.query(
        `INSERT INTO social_accounts (unit_id, platform, external_id, credentials_enc) VALUES ($1, 'x', 'm-1', 'v1.test') RETURNING id`,
        [unit.id],
      );
      await ds.query(`INSERT INTO account_snapshots (account_id, at, followers) VALUES ($1, now(), 42)`, [acct.id]);
      expect(await partitioned()).toBe('p');

      // later migrations are undone first, down to the analytics one
      const undone: string[] = [];
      while (undone[0] !== 'Analytics1763800700000') {
        undone.unshift((await ds.query(`SELECT name FROM migrations ORDER BY id DESC LIMIT 1`))[0].name);
        await ds.undoLastMigration({ transaction: 'each' });
      }
      expect(await partitioned()).toBe('r');
      expect((await ds.query(`SELECT followers FROM account_snapshots WHERE account_id = $1`, [acct.id]))[0].followers).toBe(42);

      await ds.destroy();
      expect(await runMigrations(db.url)).toEqual(undone);
      await ds.initialize();
      expect(await partitioned()).toBe('p');
      expect((await ds.query(`SELECT followers FROM account_snapshots WHERE account_id = $1`, [acct.id]))[0].followers).toBe(42);
    } finally {
      if (ds.isInitialized) await ds.destroy();
      await db.drop();
    }
  });
});
