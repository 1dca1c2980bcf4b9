/** Words as the place matcher reads them: lower case, letters and digits only, common abbreviations expanded. */
export interface PlaceToken {
  word: string;
  /** Offsets in the NFKC text, for quoting what was matched. */
  start: number;
  end: number;
}

const ABBREVIATIONS: Readonly<Record<string, string[]>> = {
  kdg: ['kedung'],
  kd: ['kedung'],
  tnh: ['tanah'],
  kbn: ['kebon'],
  kb: ['kebon'],
  bbk: ['babakan'],
  bbkn: ['babakan'],
  gn: ['gunung'],
  gng: ['gunung'],
  gnng: ['gunung'],
  ps: ['pasar'],
  psr: ['pasar'],
  tgl: ['tegal'],
  sndg: ['sindang'],
  ckr: ['cikaret'],
  jl: ['jalan'],
  jln: ['jalan'],
  jaln: ['jalan'],
  st: ['stasiun'],
  sta: ['stasiun'],
  stas: ['stasiun'],
  stasion: ['stasiun'],
  setasiun: ['stasiun'],
  kel: ['kelurahan'],
  kelu: ['kelurahan'],
  kelrhn: ['kelurahan'],
  lurah: ['kelurahan'],
  kec: ['kecamatan'],
  kcm: ['kecamatan'],
  kecmtn: ['kecamatan'],
  kcmtn: ['kecamatan'],
  bgr: ['bogor'],
  sel: ['selatan'],
  sltn: ['selatan'],
  slt: ['selatan'],
  tim: ['timur'],
  tmr: ['timur'],
  brt: ['barat'],
  utr: ['utara'],
  ut: ['utara'],
  tgh: ['tengah'],
  tngh: ['tengah'],
  kab: ['kabupaten'],
  d: ['di'],
  dket: ['dekat'],
  deket: ['dekat'],
  dkt: ['dekat'],
  dpn: ['depan'],
  sblh: ['sebelah'],
  univ: ['universitas'],
  rs: ['rumah', 'sakit'],
  gg: ['gang'],
};

/** Prefixes that may be glued to the next word ("kdgbadak", "tnhsareal", "kbnpedes"). */
const GLUED = ['kdg', 'tnh', 'kbn', 'bbk', 'tgl', 'sndg', 'gng'];

const chunkCache = new Map<string, Array<{ word: string; start: number; end: number }>>();

/** The words of one whitespace-free chunk, offsets relative to it (memoised). */
function chunkWords(chunk: string): Array<{ word: string; start: number; end: number }> {
  const hit = chunkCache.get(chunk);
  if (hit) return hit;
  const out: Array<{ word: string; start: number; end: number }> = [];
  for (const m of chunk.matchAll(/[\p{L}\p{N}]+/gu)) {
    const start = m.index;
    const end = start + m[0].length;
    // split letters from digits ("rw05" → "rw" "05"); repeated letters squeezed ("tajurrr")
    for (const part of m[0].match(/\p{L}+|\p{N}+/gu) ?? []) {
      const word = part.replace(/(\p{L})\1{2,}/gu, '$1');
      const glued = GLUED.find((g) => word.startsWith(g) && word.length >= g.length + 4);
      if (glued) {
        out.push({ word: ABBREVIATIONS[glued][0], start, end });
        out.push({ word: word.slice(glued.length), start, end });
        continue;
      }
      for (const w of ABBREVIATIONS[word] ?? [word]) out.push({ word: w, start, end });
    }
  }
  if (chunkCache.size < 100_000) chunkCache.set(chunk, out);
  return out;
}

export function placeTokens(text: string): PlaceToken[] {
  const nfkc = text.normalize('NFKC').toLowerCase();
  const out: PlaceToken[] = [];
  for (const m of nfkc.matchAll(/\S+/g)) {
    for (const w of chunkWords(m[0])) out.push({ word: w.word, start: m.index + w.start, end: m.index + w.end });
  }
  return out;
}

/** The key a name is looked up by: lower case, letters and digits only, no spaces ("Kedung Badak" → "kedungbadak"). */
export function placeKey(name: string): string {
  return placeTokens(name)
    .map((t) => t.word)
    .join('');
}
