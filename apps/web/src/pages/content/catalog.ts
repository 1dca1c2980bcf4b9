import { api } from '../../api/client';

/** A reusable draft of a unit (or of one of its ancestors): pillar and texts per language. */
export interface Template {
  id: string;
  unitId: string;
  name: string;
  pillar: string | null;
  variants: Array<{ language: 'id' | 'en'; text: string; hashtags: string[]; link: string | null }>;
}
/** A named set of hashtags (stored without '#'). */
export interface HashtagSet {
  id: string;
  unitId: string;
  key: string | null;
  name: string;
  tags: string[];
}

export const loadTemplates = (unitId: string) => api<Template[]>(`/v1/templates?unitId=${encodeURIComponent(unitId)}`);
export const loadHashtagSets = (unitId: string) => api<HashtagSet[]>(`/v1/hashtag-sets?unitId=${encodeURIComponent(unitId)}`);

/** Appends tags to a hashtags field ("#a b, c"), skipping any already there (case-insensitive). */
export function appendTags(current: string, add: string[]): string {
  const seen = new Set(
    current
      .split(/[\s,]+/)
      .map((h) => h.replace(/^#/, '').toLowerCase())
      .filter(Boolean),
  );
  const fresh: string[] = [];
  for (const raw of add) {
    const tag = raw.replace(/^#/, '').trim();
    if (!tag || seen.has(tag.toLowerCase())) continue;
    seen.add(tag.toLowerCase());
    fresh.push(`#${tag}`);
  }
  return [current.trim(), ...fresh].filter(Boolean).join(' ');
}
