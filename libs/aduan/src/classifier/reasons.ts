import { featureKey } from './feature-ids';
import { FeatureSet } from './features';
import { Token } from './normalise';

/** One thing that decided a result: written words, a pair of words, or a signal (`signal:question`…). */
export interface Reason {
  text: string;
  kind: 'word' | 'phrase' | 'signal';
  /** How much it pushed the decision (log-odds, rounded). */
  weight: number;
  /** What it argued for: the complaint, against it, or for the category chosen. */
  supports: 'complaint' | 'not_complaint' | 'category';
}

/**
 * Sums each feature's contribution onto what produced it: character n-grams and stems onto the written
 * word, bigrams onto the two words, signals onto their name; returns the strongest in the wanted direction.
 * Words written the same way twice are summed together.
 */
export function topReasons(
  set: FeatureSet,
  contributions: Float64Array,
  tokens: Token[],
  direction: 1 | -1,
  supports: Reason['supports'],
  limit: number,
): Reason[] {
  // numeric slots first (per token for words, per token for phrases, per feature for signals); text only for the winners
  const n = tokens.length;
  const sums = new Float64Array(2 * n + set.ids.length);
  for (let i = 0; i < set.ids.length; i++) {
    const c = contributions[i];
    if (c === 0) continue;
    const kind = set.kinds[i];
    const slot = kind === 'signal' ? 2 * n + i : kind === 'phrase' ? n + set.sources[i] : set.sources[i];
    sums[slot] += c;
  }
  const found: Reason[] = [];
  for (let slot = 0; slot < sums.length; slot++) {
    const w = sums[slot] * direction;
    if (w < 0.05) continue;
    let text: string;
    let kind: Reason['kind'];
    if (slot < n) {
      text = tokens[slot].surface.toLowerCase();
      kind = 'word';
    } else if (slot < 2 * n) {
      const i = slot - n;
      text = `${tokens[i].surface} ${tokens[i + 1]?.surface ?? ''}`.trim().toLowerCase();
      kind = tokens[i].surface === tokens[i + 1]?.surface ? 'word' : 'phrase';
    } else {
      const key = featureKey(set.ids[slot - 2 * n]);
      if (key === 's:bias') continue;
      text = 'signal:' + key.slice(2);
      kind = 'signal';
    }
    // the same written word twice ("macet macet") is one reason
    const same = found.find((r) => r.kind === kind && r.text === text);
    if (same) same.weight += w;
    else found.push({ text, kind, weight: w, supports });
  }
  return found
    .sort((a, b) => b.weight - a.weight || a.text.localeCompare(b.text))
    .slice(0, limit)
    .map((r) => ({ ...r, weight: Math.round(r.weight * 100) / 100 }));
}
