import * as fs from 'fs';
import * as path from 'path';
import { gunzipSync } from 'zlib';
import { wilayahTimeZones as zones } from '@kabar/config';
import { UnitKind } from '../entities/unit.entity';

/** One row of the Kemendagri file: `32.71.01.1001,Batu Tulis,kelurahan,32.71.01`. */
export interface WilayahRow {
  code: string;
  name: string;
  kind: UnitKind;
  parentCode: string | null;
}

/** The code of the country: Kemendagri codes start at the province, so Kabar names the root itself. */
export const NATIONAL_CODE = 'ID';
export const NATIONAL_ROW: WilayahRow = { code: NATIONAL_CODE, name: 'Indonesia', kind: 'nasional', parentCode: null };

const WILAYAH_CODE = /^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/;
const KINDS = new Set<string>(['provinsi', 'kabupaten', 'kota', 'kecamatan', 'kelurahan', 'desa']);

export function isWilayahCode(code: string): boolean {
  return code === NATIONAL_CODE || WILAYAH_CODE.test(code);
}

/** 0 for the country, 1 provinsi, 2 kabupaten/kota, 3 kecamatan, 4 desa/kelurahan. */
export function depthOf(code: string): number {
  return code === NATIONAL_CODE ? 0 : code.split('.').length;
}

export function parentCodeOf(code: string): string | null {
  if (code === NATIONAL_CODE) return null;
  const i = code.lastIndexOf('.');
  return i < 0 ? NATIONAL_CODE : code.slice(0, i);
}

/** The smallest wilayah holding both codes (the country when they share no province). */
export function commonAncestor(a: string, b: string): string {
  if (a === NATIONAL_CODE || b === NATIONAL_CODE) return NATIONAL_CODE;
  const x = a.split('.');
  const y = b.split('.');
  let n = 0;
  while (n < x.length && n < y.length && x[n] === y[n]) n++;
  return n === 0 ? NATIONAL_CODE : x.slice(0, n).join('.');
}

/** Whether `code` is `top` or lies inside it. */
export function within(code: string, top: string): boolean {
  return top === NATIONAL_CODE || code === top || code.startsWith(`${top}.`);
}

/** The zone of a unit with this code: its province's (WIB/WITA/WIT), Asia/Jakarta for the country. */
export function timeZoneOf(code: string): string {
  if (code === NATIONAL_CODE) return 'Asia/Jakarta';
  const zone = (zones.provinces as Record<string, string>)[code.slice(0, 2)];
  if (!zone) throw new Error(`no time zone for province ${code.slice(0, 2)}`);
  return zone;
}

/** WIB, WITA or WIT for the zones Indonesia uses; null for any other zone. */
export function zoneLabel(timeZone: string): 'WIB' | 'WITA' | 'WIT' | null {
  return ((zones.labels as Record<string, 'WIB' | 'WITA' | 'WIT'>)[timeZone] ?? null) as 'WIB' | 'WITA' | 'WIT' | null;
}

/** config/wilayah/indonesia-wilayah.csv.gz, found from this file whether it runs compiled (dist/) or from source. */
export function wilayahFilePath(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return path.join(dir, 'config', 'wilayah', 'indonesia-wilayah.csv.gz');
}

/** Splits one CSV line (RFC 4180 quoting: "a, b" and "" inside quotes). */
export function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

/** Parses the file's text; a malformed row stops with its line number. */
export function parseWilayahCsv(text: string): WilayahRow[] {
  const lines = text.split(/\r?\n/);
  if (lines[0].trim() !== 'code,name,kind,parent_code') throw new Error('wilayah file: unexpected header');
  const rows: WilayahRow[] = [];
  for (let i = 1; i < lines.length; i++) {
    if (!lines[i]) continue;
    const [code, name, kind, parent] = splitCsvLine(lines[i]);
    const parentCode = parent || null;
    const expectedParent = code.includes('.') ? code.slice(0, code.lastIndexOf('.')) : null;
    if (!WILAYAH_CODE.test(code) || !KINDS.has(kind) || !name?.trim() || parentCode !== expectedParent) {
      throw new Error(`wilayah file: line ${i + 1} is not valid: ${lines[i]}`);
    }
    rows.push({ code, name: name.trim(), kind: kind as UnitKind, parentCode });
  }
  return rows;
}

let cached: { file: string; rows: WilayahRow[]; byCode: Map<string, WilayahRow> } | undefined;

/** The whole country, read once per process (3.5 MB of text, 91,599 rows). */
export function loadWilayah(file = wilayahFilePath()): { rows: WilayahRow[]; byCode: Map<string, WilayahRow> } {
  if (cached?.file !== file) {
    const rows = parseWilayahCsv(gunzipSync(fs.readFileSync(file)).toString('utf8'));
    cached = { file, rows, byCode: new Map(rows.map((r) => [r.code, r])) };
  }
  return cached;
}
