import { editDistance } from './edit-distance';
import { SLANG } from './slang-lexicon';
import { PlaceGazetteer } from './place-gazetteer';
import { placeKey, placeTokens, PlaceToken } from './place-text';

/** A kecamatan or kelurahan of the unit tree. */
export interface PlaceUnit {
  id: string;
  code: string | null;
  name: string;
  kind: 'kecamatan' | 'kelurahan';
  parentId: string | null;
}

export interface PlaceMatch {
  unitId: string;
  code: string | null;
  name: string;
  kind: 'kecamatan' | 'kelurahan';
  /** The kecamatan of a kelurahan (null for a kecamatan). */
  kecamatan: { unitId: string; name: string } | null;
  /** The words of the text that named it, as written. */
  matched: string;
  /** How: the unit's name, an alias, a spelling within edit distance, or a landmark of the gazetteer. */
  via: 'name' | 'alias' | 'spelling' | 'landmark';
}

type Target =
  | { type: 'unit'; unit: PlaceUnit; via: 'name' | 'alias' }
  | { type: 'landmark'; unit: PlaceUnit }
  | { type: 'blocker' }
  | { type: 'elsewhere' }
  | { type: 'region' };

interface Entry {
  key: string;
  words: number;
  targets: Target[];
}

interface Found {
  start: number;
  end: number;
  target: Extract<Target, { type: 'unit' | 'landmark' }>;
  via: PlaceMatch['via'];
}

const STRONG = new Set(['kelurahan', 'kecamatan', 'desa', 'wilayah', 'daerah', 'kawasan', 'warga', 'rw', 'rt', 'kampung', 'kp', 'lingkungan']);
const LOCATIVE = new Set([
  'di',
  'ke',
  'dari',
  'arah',
  'sekitar',
  'dekat',
  'depan',
  'jalan',
  'raya',
  'pertigaan',
  'perempatan',
  'simpang',
  'gang',
  'sebelah',
  'wilayah',
  'menuju',
  'lewat',
  'sampai',
  'kawasan',
  'area',
  'seputar',
]);
const QUALIFIERS = new Set(['kecamatan', 'kabupaten', 'kota', 'kec', 'kab', 'provinsi', 'daerah']);
const MAX_WORDS = 4;
/** Everyday words never read as a misspelt place name (the slang lexicon's words and its standard forms). */
const COMMON = new Set([...Object.keys(SLANG), ...Object.values(SLANG).flatMap((v) => v.split(' ')), ...STRONG, ...LOCATIVE, ...QUALIFIERS]);

/**
 * Finds the kelurahan or kecamatan a comment names, against the unit tree: names with or without spaces,
 * abbreviations (kel., kec., kdg, tnh, kbn…), small misspellings (edit distance 1, or 2 for long names; never
 * for names that are everyday words), landmarks of the gazetteer, and names that are also words
 * ("genteng") only with place context. Names followed by another region ("Cibadak Sukabumi") or that are
 * part of a place outside the city ("Babakan Madang") do not count.
 */
export class PlaceMatcher {
  private readonly entries = new Map<string, Entry>();
  private readonly fuzzy = new Map<string, Entry[]>();
  private readonly ambiguous = new Map<string, PlaceGazetteer['ambiguous'][number]>();
  private readonly byId = new Map<string, PlaceUnit>();

  constructor(
    units: PlaceUnit[],
    readonly gazetteer: PlaceGazetteer,
  ) {
    const byCode = new Map<string, PlaceUnit>();
    for (const u of units) {
      this.byId.set(u.id, u);
      if (u.code) byCode.set(u.code, u);
    }
    for (const a of gazetteer.ambiguous) {
      const u = byCode.get(a.code);
      if (u) this.ambiguous.set(u.id, a);
    }
    for (const u of units) this.add(u.name, { type: 'unit', unit: u, via: 'name' });
    for (const [code, names] of Object.entries(gazetteer.aliases)) {
      const u = byCode.get(code);
      if (u) for (const n of names) this.add(n, { type: 'unit', unit: u, via: 'alias' });
    }
    for (const l of gazetteer.landmarks) {
      const u = byCode.get(l.code);
      if (u) for (const n of l.names) this.add(n, { type: 'landmark', unit: u });
    }
    for (const n of gazetteer.blockers) this.add(n, { type: 'blocker' });
    for (const n of gazetteer.elsewhere.names) this.add(n, { type: 'elsewhere' });
    for (const n of gazetteer.elsewhere.regions) this.add(n, { type: 'region' });
    for (const e of this.entries.values()) {
      const t = e.targets.find((x) => x.type === 'unit' || x.type === 'landmark') as Found['target'] | undefined;
      if (!t || e.key.length < 6 || this.ambiguous.has(t.unit.id) || e.targets.some((x) => x.type !== t.type)) continue;
      const bucket = e.key[0];
      this.fuzzy.set(bucket, [...(this.fuzzy.get(bucket) ?? []), e]);
    }
  }

  private add(name: string, target: Target) {
    const key = placeKey(name);
    if (!key) return;
    const words = Math.min(MAX_WORDS, placeTokens(name).length);
    const e = this.entries.get(key) ?? { key, words, targets: [] };
    e.words = Math.max(e.words, words);
    e.targets.push(target);
    this.entries.set(key, e);
  }

  /** The place a text names, or null. */
  match(text: string): PlaceMatch | null {
    const toks = placeTokens(text);
    const found: Found[] = [];
    const words = toks.map((t) => t.word);
    let i = 0;
    while (i < toks.length) {
      const hit = this.exactAt(words, i) ?? this.gluedAt(words, i) ?? this.fuzzyAt(words, i);
      if (!hit) {
        i++;
        continue;
      }
      const { entry, end, via } = hit;
      const unitTargets = entry.targets.filter((t): t is Found['target'] => t.type === 'unit' || t.type === 'landmark');
      if (entry.targets.some((t) => t.type === 'blocker' || t.type === 'elsewhere' || t.type === 'region') || !unitTargets.length) {
        i = end;
        continue;
      }
      const target = this.pick(unitTargets, words, i);
      if (this.accepted(target, words, i, end)) found.push({ start: i, end, target, via: via ?? (target.type === 'landmark' ? 'landmark' : target.via) });
      i = end;
    }
    if (!found.length) return null;
    // a kelurahan beats its own kecamatan; an exact name beats a misspelling; then the first named
    const best =
      found.find((f) => f.target.unit.kind === 'kelurahan' && f.via !== 'spelling') ??
      found.find((f) => f.via !== 'spelling') ??
      found.find((f) => f.target.unit.kind === 'kelurahan') ??
      found[0];
    return this.toMatch(best, toks, text);
  }

  private exactAt(words: string[], i: number): { entry: Entry; end: number; via?: PlaceMatch['via'] } | null {
    let key = '';
    let best: { entry: Entry; end: number } | null = null;
    for (let len = 1; len <= MAX_WORDS && i + len <= words.length; len++) {
      key += words[i + len - 1];
      const e = this.entries.get(key);
      if (e) best = { entry: e, end: i + len };
    }
    return best;
  }

  /** "dikatulampa", "kebaranangsiang": di/ke glued to a name. */
  private gluedAt(words: string[], i: number): { entry: Entry; end: number; via?: PlaceMatch['via'] } | null {
    const w = words[i];
    if (!(w.startsWith('di') || w.startsWith('ke')) || w.length < 8) return null;
    const rest = [w.slice(2), ...words.slice(i + 1)];
    const hit = this.exactAt(rest, 0);
    if (!hit || hit.entry.key.length < 6) return null;
    return { entry: hit.entry, end: i + hit.end };
  }

  private fuzzyAt(words: string[], i: number): { entry: Entry; end: number; via: 'spelling' } | null {
    if (COMMON.has(words[i])) return null;
    let key = '';
    let best: { entry: Entry; end: number; d: number } | null = null;
    let tie = false;
    for (let len = 1; len <= 3 && i + len <= words.length; len++) {
      key += words[i + len - 1];
      if (key.length < 6) continue;
      for (const e of this.fuzzy.get(key[0]) ?? []) {
        const max = e.key.length >= 10 && e.words === 1 ? 2 : 1;
        if (Math.abs(e.key.length - key.length) > max) continue;
        // one or two edits leave the first three or the last three letters as they were
        if (key.charCodeAt(2) !== e.key.charCodeAt(2) && !key.endsWith(e.key.slice(-3))) continue;
        const d = editDistance(key, e.key, max);
        if (d === 0 || d > max) continue;
        if (!best || d < best.d) {
          best = { entry: e, end: i + len, d };
          tie = false;
        } else if (d === best.d && e !== best.entry) tie = true;
      }
    }
    return best && !tie ? { entry: best.entry, end: best.end, via: 'spelling' } : null;
  }

  /** Among units sharing a name (Tanah Sareal is a kecamatan and a kelurahan): the kelurahan after "kel.", else the wider one. */
  private pick(targets: Found['target'][], words: string[], i: number): Found['target'] {
    if (targets.length === 1) return targets[0];
    const before = words.slice(Math.max(0, i - 2), i);
    const wantKel = before.includes('kelurahan') || before.includes('desa');
    return targets.find((t) => (t.unit.kind === 'kelurahan') === wantKel) ?? targets[0];
  }

  private accepted(target: Found['target'], words: string[], start: number, end: number): boolean {
    if (this.outside(words, start, end)) return false;
    if (target.type === 'landmark') return true;
    const amb = this.ambiguous.get(target.unit.id);
    if (!amb) return true;
    const before = words.slice(Math.max(0, start - 2), start);
    const after = words.slice(end, end + 2);
    const around = [...before, ...after];
    if (amb.notWith.some((w) => around.includes(w))) return false;
    if (before.some((w) => STRONG.has(w))) return true;
    const parent = target.unit.parentId ? this.byId.get(target.unit.parentId) : undefined;
    if (parent && placeKey(parent.name) === after.join('')) return true;
    if (
      parent &&
      words
        .slice(end, end + 3)
        .join('')
        .startsWith(placeKey(parent.name))
    )
      return true;
    return amb.rule === 'locative' && before.length > 0 && LOCATIVE.has(before[before.length - 1]);
  }

  /** A name right after "kabupaten", or followed by a region ("Cibadak Sukabumi", "Curug, Kab. Bogor"). */
  private outside(words: string[], start: number, end: number): boolean {
    if (start > 0 && (words[start - 1] === 'kabupaten' || words[start - 1] === 'kab')) return true;
    let j = end;
    if (j < words.length && QUALIFIERS.has(words[j])) {
      if (words[j] === 'kabupaten' || words[j] === 'kab') return true;
      j++;
    }
    const next = this.exactAt(words, j);
    return !!next && next.entry.targets.some((t) => t.type === 'region');
  }

  private toMatch(f: Found, toks: PlaceToken[], text: string): PlaceMatch {
    const u = f.target.unit;
    const parent = u.kind === 'kelurahan' && u.parentId ? this.byId.get(u.parentId) : undefined;
    const nfkc = text.normalize('NFKC');
    return {
      unitId: u.id,
      code: u.code,
      name: u.name,
      kind: u.kind,
      kecamatan: parent ? { unitId: parent.id, name: parent.name } : null,
      matched: nfkc.slice(toks[f.start].start, toks[f.end - 1].end),
      via: f.via,
    };
  }
}
