import * as fs from 'fs';
import * as path from 'path';
import { READ_GRANTS, SEEDING_LIBS, TABLE_OWNERS } from '../src/table-owners';

const LIBS = path.resolve(__dirname, '../..');
const TABLE_REF = new RegExp(`\\b(?:FROM|JOIN|UPDATE|INTO|TABLE)\\s+"?(${Object.keys(TABLE_OWNERS).join('|')})\\b`, 'gi');

function sources(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) sources(p, out);
    else if (e.name.endsWith('.ts')) out.push(p);
  }
  return out;
}

/** lib → table → files whose SQL names the table (migrations aside: they are the database lib's). */
function tablesByLib(): Map<string, Map<string, string[]>> {
  const out = new Map<string, Map<string, string[]>>();
  for (const lib of fs.readdirSync(LIBS)) {
    const src = path.join(LIBS, lib, 'src');
    if (lib === 'database' || SEEDING_LIBS[lib] || !fs.existsSync(src)) continue;
    const tables = new Map<string, string[]>();
    for (const file of sources(src))
      for (const m of fs.readFileSync(file, 'utf8').matchAll(TABLE_REF)) {
        const t = m[1].toLowerCase();
        tables.set(t, [...new Set([...(tables.get(t) ?? []), path.relative(LIBS, file)])]);
      }
    out.set(lib, tables);
  }
  return out;
}

describe('contexts own their tables', () => {
  const found = tablesByLib();

  it("no lib's SQL names another lib's table unless the read is granted", () => {
    const trespass: string[] = [];
    for (const [lib, tables] of found)
      for (const [table, files] of tables)
        if (TABLE_OWNERS[table] !== lib && !READ_GRANTS[lib]?.[table])
          trespass.push(`${lib} reads ${table} (owned by ${TABLE_OWNERS[table]}) in ${files.join(', ')}`);
    expect(trespass).toEqual([]);
  });

  it('publishing reads posts’ content, media, units and credentials only through their owners', () => {
    const publishing = found.get('publishing')!;
    for (const table of ['post_variants', 'post_media', 'media', 'units', 'users', 'memberships'])
      expect([table, publishing.has(table)]).toEqual([table, false]);
    const files = sources(path.join(LIBS, 'publishing/src'));
    expect(files.filter((f) => fs.readFileSync(f, 'utf8').includes('credentials_enc'))).toEqual([]);
  });

  it('every grant is still used (a grant no code needs is removed)', () => {
    const unused = Object.entries(READ_GRANTS).flatMap(([lib, tables]) =>
      Object.keys(tables)
        .filter((t) => !found.get(lib)?.has(t))
        .map((t) => `${lib}: ${t}`),
    );
    expect(unused).toEqual([]);
  });

  it('the scan finds what it looks for', () => {
    expect(found.get('content')!.get('posts')!.length).toBeGreaterThan(0);
    expect(found.get('org')!.get('units')).toContain('org/src/access/unit-scope.ts');
  });
});
