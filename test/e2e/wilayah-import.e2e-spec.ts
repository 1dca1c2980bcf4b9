import * as fs from 'fs';
import * as path from 'path';
import { gunzipSync } from 'zlib';
import { DataSource } from 'typeorm';
import { AppError } from '@kabar/common';
import { dataSourceOptions } from '@kabar/database';
import { bootstrapAdmin, runWilayahImport } from '@kabar/org';
import { createTestDatabase } from '../support/test-database';

/** Counts straight from config/wilayah/indonesia-wilayah.csv.gz (its own reading, not the importer's). */
function fileCounts(prefix: string): Record<string, number> {
  const text = gunzipSync(fs.readFileSync(path.join(__dirname, '../../config/wilayah/indonesia-wilayah.csv.gz'))).toString('utf8');
  const out: Record<string, number> = {};
  for (const line of text.split('\n').slice(1)) {
    if (!line || !(line.startsWith(`${prefix}.`) || line.startsWith(`${prefix},`))) continue;
    const kind = line.match(/,(provinsi|kabupaten|kota|kecamatan|kelurahan|desa),/)![1];
    out[kind] = (out[kind] ?? 0) + 1;
  }
  return out;
}

describe('wilayah import (Kemendagri codes into the unit tree)', () => {
  let db: { url: string; drop(): Promise<void> };
  let ds: DataSource;
  const kinds = async (codePrefix: string) =>
    Object.fromEntries(
      (
        await ds.query(`SELECT kind, count(*)::int AS n FROM units WHERE code ~ '^[0-9.]+$' AND (code = $1 OR code LIKE $1 || '.%') GROUP BY kind`, [
          codePrefix,
        ])
      ).map((r: { kind: string; n: number }) => [r.kind, r.n]),
    );
  const brokenPaths = async () =>
    (await ds.query(`SELECT count(*)::int AS n FROM units u LEFT JOIN units p ON p.id = u.parent_id WHERE u.path <> coalesce(p.path, '') || u.id || '/'`))[0].n;

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = new DataSource(dataSourceOptions(db.url, []));
    await ds.initialize();
  });
  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  it('imports one province into an empty tree: the counts are the file’s, the province is the root, every unit WIB', async () => {
    const expected = fileCounts('31'); // DKI Jakarta: 1 provinsi, 1 kabupaten, 5 kota, 44 kecamatan, 267 kelurahan
    const r = await runWilayahImport(ds, { code: '31' });
    expect(r).toMatchObject({ code: '31', dryRun: false, updated: 0, moved: 0, rootChanged: false, root: { code: '31', kind: 'provinsi' } });
    expect(r.inFile).toEqual(expected);
    expect(r.created).toBe(Object.values(expected).reduce((a, b) => a + b, 0));
    expect(await kinds('31')).toEqual(expected);
    expect(expected).toEqual({ provinsi: 1, kabupaten: 1, kota: 5, kecamatan: 44, kelurahan: 267 });
    // each region's Diskominfo (province + 6 kabupaten/kota), reviewing its own content
    expect(r.agenciesCreated).toBe(7);
    const [dki] = await ds.query(`SELECT name, review_required, parent_id FROM units WHERE code = '31.71.OPD.DISKOMINFO'`);
    expect(dki).toMatchObject({ name: 'Dinas Komunikasi dan Informatika Kota Administrasi Jakarta Pusat', review_required: false });
    expect(await ds.query(`SELECT DISTINCT time_zone FROM units`)).toEqual([{ time_zone: 'Asia/Jakarta' }]);
    expect(await brokenPaths()).toBe(0);
  });

  it('is idempotent: the same import again changes nothing', async () => {
    const before = (await ds.query(`SELECT count(*)::int AS n, max(updated_at) AS at FROM units`))[0];
    const r = await runWilayahImport(ds, { code: '31' });
    expect(r).toMatchObject({ created: 0, updated: 0, moved: 0, agenciesCreated: 0, rootChanged: false });
    expect((await ds.query(`SELECT count(*)::int AS n, max(updated_at) AS at FROM units`))[0]).toEqual(before);
  });

  it('a kabupaten of another province (WIT) puts both under the national root, in its province’s zone', async () => {
    const expected = fileCounts('91.03'); // Kabupaten Jayapura, Papua: its "Desa Adat" (code 3xxx) are desa
    const r = await runWilayahImport(ds, { code: '91.03' });
    expect(r).toMatchObject({ root: { code: 'ID', kind: 'nasional', name: 'Indonesia' }, rootChanged: true, previousRoot: { code: '31' }, moved: 1 });
    expect(await kinds('91.03')).toEqual(expected);
    expect(await kinds('91')).toEqual({ ...expected, provinsi: 1 });
    const zones = await ds.query(`SELECT DISTINCT time_zone FROM units WHERE code LIKE '91%'`);
    expect(zones).toEqual([{ time_zone: 'Asia/Jayapura' }]);
    const [jakarta] = await ds.query(`SELECT p.code AS parent FROM units u JOIN units p ON p.id = u.parent_id WHERE u.code = '31'`);
    expect(jakarta.parent).toBe('ID');
    expect((await ds.query(`SELECT code, name FROM units WHERE parent_id IS NULL`))[0]).toEqual({ code: 'ID', name: 'Indonesia' });
    expect((await ds.query(`SELECT name FROM units WHERE code = 'ID.KOMDIGI'`))[0].name).toBe('Kementerian Komunikasi dan Digital');
    expect(await brokenPaths()).toBe(0);
    expect(await runWilayahImport(ds, { code: '91.03' })).toMatchObject({ created: 0, updated: 0, moved: 0, agenciesCreated: 0 });
  });

  it('renames what the file renamed, and a dry run counts without changing', async () => {
    await ds.query(`UPDATE units SET name = 'Nama Lama', time_zone = 'Asia/Makassar' WHERE code = '31.71.01'`);
    const dry = await runWilayahImport(ds, { code: '34', dryRun: true });
    expect(dry).toMatchObject({ dryRun: true, updated: 0 });
    expect(dry.created).toBe(Object.values(fileCounts('34')).reduce((a, b) => a + b, 0));
    expect((await ds.query(`SELECT count(*)::int AS n FROM units WHERE code LIKE '34%'`))[0].n).toBe(0);
    expect(await runWilayahImport(ds, { code: '31' })).toMatchObject({ updated: 1, created: 0 });
    expect((await ds.query(`SELECT name, time_zone FROM units WHERE code = '31.71.01'`))[0]).toEqual({ name: 'Gambir', time_zone: 'Asia/Jakarta' });
  });

  it('a fresh installation’s placeholder root (made for the first admin) becomes the part imported', async () => {
    const fresh = await createTestDatabase();
    const other = new DataSource(dataSourceOptions(fresh.url, []));
    await other.initialize();
    try {
      await bootstrapAdmin(other, { email: 'ops@kabar.test', password: 'kata-sandi-operator-1', timeZone: 'Asia/Jakarta' });
      const [before] = await other.query(`SELECT id, code, kind FROM units WHERE parent_id IS NULL`);
      expect(before).toMatchObject({ code: null, kind: 'kota' });
      const r = await runWilayahImport(other, { code: '34' });
      expect(r).toMatchObject({ rootChanged: false, root: { id: before.id, code: '34', kind: 'provinsi', name: 'Daerah Istimewa Yogyakarta' } });
      const [admin] = await other.query(
        `SELECT m.role FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.email = 'ops@kabar.test' AND m.unit_id = $1 AND m.role = 'admin'`,
        [before.id],
      );
      expect(admin).toBeDefined();
      expect((await other.query(`SELECT count(*)::int AS n FROM units WHERE code LIKE '34.%' AND code ~ '^[0-9.]+$'`))[0].n).toBe(
        Object.values(fileCounts('34')).reduce((a, b) => a + b, 0) - 1,
      );
    } finally {
      await other.destroy();
      await fresh.drop();
    }
  });

  it('refuses a code the file does not have', async () => {
    const e = await runWilayahImport(ds, { code: '99' }).catch((x) => x);
    expect(e).toBeInstanceOf(AppError);
    expect([e.status, e.key]).toEqual([404, 'wilayah.codeUnknown']);
  });
});
