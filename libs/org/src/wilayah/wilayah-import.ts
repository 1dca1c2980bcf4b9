import { EntityManager } from 'typeorm';
import { AppError } from '@kabar/common';
import { NATIONAL_CODE, NATIONAL_ROW, WilayahRow, commonAncestor, depthOf, isWilayahCode, loadWilayah, parentCodeOf, timeZoneOf, within } from './wilayah-file';

const IMPORT_LOCK = 7_240_317;

export interface WilayahImportOptions {
  /** 'ID' (or 'all') for the whole country, a province ('32') or a kabupaten/kota ('32.01'); any code of the file works. */
  code: string;
  /** Add each region's Diskominfo (the ministry for the country) when missing. Default true. */
  agencies?: boolean;
  /** The file to read (default config/wilayah/indonesia-wilayah.csv.gz). */
  file?: string;
}

export interface WilayahImportResult {
  code: string;
  /** Wilayah units in the part imported (with the chain above it), by kind, as the file has them. */
  inFile: Record<string, number>;
  created: number;
  updated: number;
  moved: number;
  agenciesCreated: number;
  root: { id: string; code: string | null; name: string; kind: string };
  /** The tree's top changed (e.g. Kota Bogor went under Provinsi Jawa Barat): the old root's admins were given the new root. */
  rootChanged: boolean;
  previousRoot: { id: string; code: string | null; name: string } | null;
  adminsCarried: number;
  ms: number;
}

interface Row extends WilayahRow {
  tz: string;
  depth: number;
}

interface RootRow {
  id: string;
  code: string | null;
  name: string;
  kind: string;
  path: string;
}

/**
 * Imports the Kemendagri wilayah units of `code` (and the chain between the tree's root and it) into the unit
 * tree, inside the caller's transaction; idempotent: a second run changes nothing. Units are matched by code:
 * missing ones are created under their parent, existing ones take the file's name and kind and their province's
 * zone. The tree keeps one root, the smallest wilayah holding the old root and the part imported: importing
 * Jawa Barat into the Kota Bogor demo creates Provinsi Jawa Barat above Kota Bogor (moved there with its subtree,
 * its rollups carried to the new ancestors), and importing another province as well puts both under the
 * national root 'ID' (Indonesia). A root without a code (the placeholder made for the first admin) becomes the
 * part imported. When the root changes, the old root's admins get admin on the new one: the people running the
 * installation keep running it.
 * Set-based SQL, one statement per level: the whole country (91,599 units) takes seconds.
 */
export async function importWilayah(em: EntityManager, opts: WilayahImportOptions): Promise<WilayahImportResult> {
  const started = Date.now();
  const code = opts.code === 'all' ? NATIONAL_CODE : opts.code.trim();
  const { rows, byCode } = loadWilayah(opts.file);
  if (code !== NATIONAL_CODE && !byCode.has(code)) throw AppError.notFound('wilayah.codeUnknown', { code });
  await em.query('SELECT pg_advisory_xact_lock($1)', [IMPORT_LOCK]);

  const roots: RootRow[] = await em.query(`SELECT id, code, name, kind, path FROM units WHERE parent_id IS NULL ORDER BY created_at`);
  if (roots.length > 1) throw AppError.conflict('wilayah.manyRoots', { count: roots.length });
  const oldRoot = roots[0] ?? null;
  if (oldRoot?.code && !isWilayahCode(oldRoot.code)) throw AppError.conflict('wilayah.rootNotWilayah', { code: oldRoot.code });
  const top = oldRoot?.code ? commonAncestor(oldRoot.code, code) : code;
  const rowOf = (c: string): WilayahRow => (c === NATIONAL_CODE ? NATIONAL_ROW : byCode.get(c)!);

  // the part, the chain from the top down to it, and the chain down to the old root (when it moves under the top)
  const wanted = new Map<string, WilayahRow>();
  const chain = (from: string) => {
    for (let c: string | null = from; c && c !== top; c = parentCodeOf(c)) wanted.set(c, rowOf(c));
  };
  wanted.set(top, rowOf(top));
  chain(code);
  if (oldRoot?.code) chain(oldRoot.code);
  for (const r of rows) if (within(r.code, code)) wanted.set(r.code, r);
  const part: Row[] = [...wanted.values()].map((r) => ({
    ...r,
    parentCode: r.code === top ? null : r.parentCode === null ? NATIONAL_CODE : r.parentCode,
    tz: timeZoneOf(r.code),
    depth: depthOf(r.code),
  }));

  // a root without a code is the placeholder of a fresh installation: it becomes the top
  if (oldRoot && !oldRoot.code) {
    const t = rowOf(top);
    await em.query(`UPDATE units SET code = $2, name = $3, kind = $4, time_zone = $5, updated_at = now() WHERE id = $1`, [
      oldRoot.id,
      t.code,
      t.name,
      t.kind,
      timeZoneOf(t.code),
    ]);
  }

  await em.query(`CREATE TEMP TABLE wilayah_import (code varchar(40) PRIMARY KEY, name text, kind text, parent_code text, tz text, depth int) ON COMMIT DROP`);
  await em.query(`INSERT INTO wilayah_import SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int[])`, [
    part.map((r) => r.code),
    part.map((r) => r.name),
    part.map((r) => r.kind),
    part.map((r) => r.parentCode),
    part.map((r) => r.tz),
    part.map((r) => r.depth),
  ]);
  await em.query(`ANALYZE wilayah_import`);

  const [{ n: updated }] = await em.query(
    `WITH changed AS (
       UPDATE units u SET name = w.name, kind = w.kind, time_zone = w.tz, updated_at = now()
         FROM wilayah_import w
        WHERE u.code = w.code AND (u.name, u.kind, u.time_zone) IS DISTINCT FROM (w.name::varchar, w.kind::varchar, w.tz::varchar)
       RETURNING 1)
     SELECT count(*)::int AS n FROM changed`,
  );

  let created = 0;
  for (let depth = depthOf(top); depth <= 4; depth++) {
    const [{ n }] = await em.query(
      `WITH fresh AS (
         SELECT gen_random_uuid() AS id, w.* FROM wilayah_import w
          WHERE w.depth = $1 AND NOT EXISTS (SELECT 1 FROM units u WHERE u.code = w.code)),
       ins AS (
         INSERT INTO units (id, code, name, kind, parent_id, path, time_zone, review_required)
         SELECT f.id, f.code, f.name, f.kind, p.id, coalesce(p.path, '') || f.id || '/', f.tz, true
           FROM fresh f LEFT JOIN units p ON p.code = f.parent_code
         RETURNING 1)
       SELECT count(*)::int AS n FROM ins`,
      [depth],
    );
    created += n;
  }

  const moved = await moveMisplaced(em);

  let agenciesCreated = 0;
  if (opts.agencies !== false) {
    const [{ n }] = await em.query(
      `WITH fresh AS (
         SELECT gen_random_uuid() AS id,
                CASE WHEN w.kind = 'nasional' THEN 'ID.KOMDIGI' ELSE w.code || '.OPD.DISKOMINFO' END AS code,
                CASE WHEN w.kind = 'nasional' THEN 'Kementerian Komunikasi dan Digital'
                     WHEN w.kind = 'provinsi' THEN 'Dinas Komunikasi dan Informatika Provinsi ' || w.name
                     ELSE 'Dinas Komunikasi dan Informatika ' || w.name END AS name,
                w.code AS parent_code
           FROM wilayah_import w WHERE w.kind IN ('nasional', 'provinsi', 'kabupaten', 'kota')),
       ins AS (
         INSERT INTO units (id, code, name, kind, parent_id, path, time_zone, review_required)
         SELECT f.id, f.code, f.name, 'opd', p.id, p.path || f.id || '/', p.time_zone, false
           FROM fresh f JOIN units p ON p.code = f.parent_code
          WHERE NOT EXISTS (SELECT 1 FROM units u WHERE u.code = f.code)
         RETURNING 1)
       SELECT count(*)::int AS n FROM ins`,
    );
    agenciesCreated = n;
  }

  const [root]: RootRow[] = await em.query(`SELECT id, code, name, kind, path FROM units WHERE parent_id IS NULL`);
  const rootChanged = !!oldRoot && oldRoot.id !== root.id;
  let adminsCarried = 0;
  if (rootChanged) {
    const carried = await em.query(
      `INSERT INTO memberships (user_id, unit_id, role)
       SELECT user_id, $2, 'admin' FROM memberships WHERE unit_id = $1 AND role = 'admin'
       ON CONFLICT DO NOTHING RETURNING user_id`,
      [oldRoot.id, root.id],
    );
    adminsCarried = carried.length;
  }
  if (created + moved + agenciesCreated > 1000) await em.query(`ANALYZE units`);

  const inFile: Record<string, number> = {};
  for (const r of part) inFile[r.kind] = (inFile[r.kind] ?? 0) + 1;
  return {
    code,
    inFile,
    created,
    updated,
    moved,
    agenciesCreated,
    root: { id: root.id, code: root.code, name: root.name, kind: root.kind },
    rootChanged,
    previousRoot: rootChanged ? { id: oldRoot.id, code: oldRoot.code, name: oldRoot.name } : null,
    adminsCarried,
    ms: Date.now() - started,
  };
}

/**
 * Units of the file whose parent in the tree is not the file's parent (the old root, or a unit someone placed
 * elsewhere by hand) move under the right parent with their whole subtree, top-down. unit_daily rows hold each
 * unit's whole subtree: the moved unit's rows are added to its new ancestors and taken from its old ones.
 */
async function moveMisplaced(em: EntityManager): Promise<number> {
  const misplaced: Array<{ id: string; parent_id: string | null }> = await em.query(
    `SELECT u.id, p.id AS parent_id FROM units u JOIN wilayah_import w ON w.code = u.code LEFT JOIN units p ON p.code = w.parent_code
      WHERE u.parent_id IS DISTINCT FROM p.id ORDER BY w.depth, w.code`,
  );
  for (const m of misplaced) {
    const [{ path: oldPath }] = await em.query(`SELECT path FROM units WHERE id = $1`, [m.id]);
    const parentPath: string = m.parent_id ? (await em.query(`SELECT path FROM units WHERE id = $1`, [m.parent_id]))[0].path : '';
    if (parentPath.startsWith(oldPath)) throw new Error(`wilayah import: moving ${m.id} under its own subtree`);
    const newPath = `${parentPath}${m.id}/`;
    await em.query(`UPDATE units SET path = $2 || substr(path, length($1) + 1) WHERE path LIKE $1 || '%'`, [oldPath, newPath]);
    await em.query(`UPDATE units SET parent_id = $2, updated_at = now() WHERE id = $1`, [m.id, m.parent_id]);
    const ids = (p: string) => p.split('/').filter((x) => x && x !== m.id);
    const before = new Set(ids(oldPath));
    const after = new Set(ids(newPath));
    const added = [...after].filter((x) => !before.has(x));
    const removed = [...before].filter((x) => !after.has(x));
    if (added.length) {
      await em.query(
        `INSERT INTO unit_daily AS ud (unit_id, day, followers, accounts, own_followers, own_accounts)
         SELECT a.id, d.day, d.followers, d.accounts, 0, 0 FROM unit_daily d CROSS JOIN unnest($2::uuid[]) AS a(id) WHERE d.unit_id = $1
         ORDER BY 1, 2
         ON CONFLICT (unit_id, day) DO UPDATE SET followers = ud.followers + EXCLUDED.followers, accounts = ud.accounts + EXCLUDED.accounts`,
        [m.id, added],
      );
    }
    if (removed.length) {
      await em.query(
        `UPDATE unit_daily ud SET followers = ud.followers - d.followers, accounts = ud.accounts - d.accounts
           FROM unit_daily d WHERE d.unit_id = $1 AND ud.day = d.day AND ud.unit_id = ANY($2::uuid[])`,
        [m.id, removed],
      );
      await em.query(`DELETE FROM unit_daily WHERE unit_id = ANY($1::uuid[]) AND accounts = 0 AND own_accounts = 0`, [removed]);
    }
  }
  return misplaced.length;
}
