import { ErrorDetail } from '@kabar/common';

export interface GlossaryTerm {
  termId: string;
  termEn: string;
  idAliases: string[];
  enAvoid: string[];
  keepIdInEn: boolean;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const wordRe = (s: string, flags: string) => new RegExp(`(?<![\\p{L}\\p{N}])${escape(s)}(?![\\p{L}\\p{N}])`, flags);

/**
 * Warnings for an English text: a known Indonesian name left untranslated, or an English rendering the
 * glossary says to avoid. Names are matched as whole words; the approved rendering is removed first so
 * "Bogor Botanical Gardens" never counts as an untranslated "Bogor".
 */
export function checkGlossary(text: string, terms: GlossaryTerm[], field = 'variants.en'): ErrorDetail[] {
  const out: ErrorDetail[] = [];
  let rest = text;
  for (const t of terms) rest = rest.replace(wordRe(t.termEn, 'giu'), ' ');
  for (const t of terms) {
    for (const avoid of t.enAvoid) {
      if (wordRe(avoid, 'iu').test(text)) {
        out.push({ field, code: 'content.glossary.avoid', params: { avoid, en: t.termEn } });
        break;
      }
    }
    if (t.keepIdInEn) continue;
    const found = [t.termId, ...t.idAliases].sort((a, b) => b.length - a.length).find((name) => name.length > 2 && wordRe(name, 'u').test(rest));
    if (found) out.push({ field, code: 'content.glossary.untranslated', params: { name: found, en: t.termEn } });
  }
  return out;
}
