/** One comment of the labelled set (test/fixtures/aduan/comments.json) or one person's correction. */
export interface LabelledComment {
  id: string;
  text: string;
  complaint: boolean;
  /** The category of a complaint; null for anything else. */
  category: string | null;
  /** Code of the kelurahan or kecamatan the text names (Kemendagri), or null. */
  place?: string | null;
  /** What kind of comment it is, for the benchmark's breakdown (question, praise, spam, sarcasm, sundanese…). */
  tags?: string[];
}

/**
 * The fixed split: a comment is held out when the FNV-1a hash of its id is 0 mod 5 (about a fifth, spread
 * over every category because ids carry no order). Never changes with the set's order or size.
 */
export function isHeldOut(id: string): boolean {
  return fnv1a(id) % 5 === 0;
}

export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export function splitLabelled(all: LabelledComment[]): { train: LabelledComment[]; heldOut: LabelledComment[] } {
  return { train: all.filter((c) => !isHeldOut(c.id)), heldOut: all.filter((c) => isHeldOut(c.id)) };
}
