import { featureId } from './feature-ids';
import { NormalisedText, normaliseText } from './normalise';
import { signalsOf } from './signals';

/** How comments become features; stored in the model file so training and use always agree. */
export interface FeatureOptions {
  /** Character n-grams of each word (with word boundaries), from `charMin` to `charMax` letters. */
  charMin: number;
  charMax: number;
  /** Per category, stems of words that point to it ("macet", "ngetem"…): one `lex:<category>` feature each. */
  lexicon: Record<string, string[]>;
}

export type FeatureKind = 'word' | 'phrase' | 'signal';

/**
 * The features of one comment: `ids[i]` (see feature-ids.ts; -1 for a key no model can know) with weight
 * `values[i]`; `sources[i]` says which written words produced it (a token index, or -1 for a signal) so the
 * reasons can name them.
 */
export interface FeatureSet {
  ids: number[];
  values: number[];
  sources: number[];
  kinds: FeatureKind[];
}

let stamp = new Int32Array(1 << 16);
let epoch = 0;

function nextEpoch(): number {
  if (++epoch === 0x7fffffff) {
    stamp.fill(0);
    epoch = 1;
  }
  return epoch;
}

function growStamp(id: number) {
  let size = stamp.length;
  while (size <= id) size *= 2;
  const next = new Int32Array(size);
  next.set(stamp);
  stamp = next;
}

const STOP = new Set([
  'yang',
  'di',
  'ke',
  'dan',
  'itu',
  'ini',
  'ya',
  'sih',
  'nih',
  'dong',
  'deh',
  'kok',
  'lah',
  'mah',
  'teh',
  'euy',
  'atuh',
  'tea',
  'nya',
  'pun',
  'juga',
  'saja',
]);

export class FeatureExtractor {
  /** Category words: by stem (one word) or by bigram feature id (two words) → `lex:<category>` ids. */
  private readonly lexicon = new Map<string, number[]>();
  private readonly lexiconPairs = new Map<number, number[]>();
  private cached = 0;
  private readonly gramCache = new Map<string, number[]>();
  private readonly keyCache = new Map<string, Map<string, number | Map<string, number>>>([
    ['w:', new Map()],
    ['n:', new Map()],
    ['b:', new Map()],
  ]);
  private readonly wordKeys = this.keyCache.get('w:')!;
  private readonly bigramKeys = this.keyCache.get('b:')!;
  private readonly signalIds = new Map<string, number>();

  constructor(readonly options: FeatureOptions) {
    // keywords are written plainly in the config; they are normalised like comments (one or two words)
    for (const [category, words] of Object.entries(options.lexicon)) {
      for (const w of words) {
        const stems = normaliseText(w).tokens.map((t) => t.stem);
        if (!stems.length) continue;
        const id = featureId('lex:' + category);
        if (stems.length === 1) {
          const list = this.lexicon.get(stems[0]) ?? [];
          if (!list.includes(id)) list.push(id);
          this.lexicon.set(stems[0], list);
        } else {
          const pair = featureId(`b:${stems[0]}_${stems[1]}`);
          const list = this.lexiconPairs.get(pair) ?? [];
          if (!list.includes(id)) list.push(id);
          this.lexiconPairs.set(pair, list);
        }
      }
    }
  }

  /** The character n-gram keys of one word, with boundary marks (memoised). */
  private gramsOf(norm: string, min: number, max: number): number[] {
    let grams = this.gramCache.get(norm);
    if (grams) return grams;
    grams = [];
    if (norm.length >= 3 && !norm.includes('_')) {
      const w = `<${norm}>`;
      for (let len = min; len <= max; len++) for (let s = 0; s + len <= w.length; s++) grams.push(featureId('c:' + w.slice(s, s + len)));
    }
    if (this.cached++ < 1_000_000) this.gramCache.set(norm, grams);
    return grams;
  }

  /**
   * The feature id of `prefix + a (+ '_' + b)`, found through nested maps keyed by the (shared) token
   * strings: no key string is built or hashed twice for a word the process has seen (up to a bound).
   */
  private key(prefix: string, a: string, b?: string): number {
    let byA = this.keyCache.get(prefix);
    if (!byA) this.keyCache.set(prefix, (byA = new Map()));
    if (b === undefined) {
      let k = byA.get(a) as number | undefined;
      if (k === undefined) {
        k = featureId(prefix + a);
        if (this.cached++ < 1_000_000) byA.set(a, k);
      }
      return k;
    }
    let byB = byA.get(a) as Map<string, number> | undefined;
    if (!byB) byA.set(a, (byB = new Map()));
    let k = byB.get(b);
    if (k === undefined) {
      k = featureId(prefix + a + '_' + b);
      if (this.cached++ < 1_000_000) byB.set(b, k);
    }
    return k;
  }

  private signalId(name: string): number {
    let id = this.signalIds.get(name);
    if (id === undefined) this.signalIds.set(name, (id = featureId('s:' + name)));
    return id;
  }

  extract(n: NormalisedText): FeatureSet {
    const word: number[] = [];
    const phrase: number[] = [];
    const chars: number[] = [];
    const lex: number[] = [];
    // a feature counts once per comment: stamp[id] === epoch marks it as seen (no Set per comment)
    const epoch = nextEpoch();
    const add = (list: number[], id: number, source: number) => {
      if (id >= 0) {
        if (id >= stamp.length) growStamp(id);
        if (stamp[id] === epoch) return;
        stamp[id] = epoch;
      }
      list.push(id, source);
    };
    const toks = n.tokens;
    const wordsSeen = new Set<string>();
    const { charMin, charMax } = this.options;
    for (let i = 0; i < toks.length; i++) {
      const t = toks[i];
      const prev = i > 0 ? toks[i - 1].norm : '';
      if (!STOP.has(t.norm)) add(word, (this.wordKeys.get(t.stem) as number | undefined) ?? this.key('w:', t.stem), i);
      if (prev === 'tidak' || prev === 'belum' || prev === 'bukan') add(word, this.key('n:', t.stem), i);
      const bigram =
        i + 1 < toks.length
          ? ((this.bigramKeys.get(t.stem) as Map<string, number> | undefined)?.get(toks[i + 1].stem) ?? this.key('b:', t.stem, toks[i + 1].stem))
          : null;
      if (bigram !== null) add(phrase, bigram, i);
      for (const c of this.lexicon.get(t.stem) ?? []) add(lex, c, i);
      if (bigram !== null) for (const c of this.lexiconPairs.get(bigram) ?? []) add(lex, c, i);
      if (!wordsSeen.has(t.norm)) {
        wordsSeen.add(t.norm);
        for (const g of this.gramsOf(t.norm, charMin, charMax)) add(chars, g, i);
      }
    }
    const signals = signalsOf(n);
    const set: FeatureSet = { ids: [], values: [], sources: [], kinds: [] };
    const group = (list: number[], kind: FeatureKind, v: number) => {
      for (let j = 0; j < list.length; j += 2) {
        set.ids.push(list[j]);
        set.values.push(v);
        set.sources.push(list[j + 1]);
        set.kinds.push(kind);
      }
    };
    // each group of words weighs the same whatever the comment's length (L2-normalised within the group)
    if (word.length) group(word, 'word', 1 / Math.sqrt(word.length / 2));
    if (phrase.length) group(phrase, 'phrase', 0.7 / Math.sqrt(phrase.length / 2));
    if (chars.length) group(chars, 'word', 1 / Math.sqrt(chars.length / 2));
    group(lex, 'word', 0.5);
    for (const s of signals) {
      set.ids.push(this.signalId(s));
      set.values.push(0.5);
      set.sources.push(-1);
      set.kinds.push('signal');
    }
    set.ids.push(this.signalId('bias'));
    set.values.push(1);
    set.sources.push(-1);
    set.kinds.push('signal');
    return set;
  }
}
