import { Locale, hasKey, translate } from './i18n';

/**
 * A request field as the user sees it: `memberships.0.unitId` is "Unit (keanggotaan 1)", `rows[2].scheduledAt`
 * "Waktu terbit (baris 2)", `nameId` "Nama (bahasa Indonesia)". Names come from `fields.*` in the catalogue; a
 * list position counts from 1, except CSV rows, which keep the file's own row number.
 */
export function fieldLabel(locale: Locale, field: string): string {
  const parts = field.split(/[.[\]]+/).filter(Boolean);
  const steps: Array<{ name: string; index?: number }> = [];
  for (const part of parts) {
    if (/^\d+$/.test(part) && steps.length) {
      const last = steps[steps.length - 1];
      last.index = last.name === 'rows' ? Number(part) : Number(part) + 1;
    } else steps.push({ name: part });
  }
  if (!steps.length) return field;
  const name = (s: string) => (hasKey(`fields.${s}`) ? translate(locale, `fields.${s}`) : s);
  const [own, ...above] = [...steps].reverse();
  const head = own.index !== undefined ? `${name(own.name)} ${own.index}` : name(own.name);
  const where = above
    .reverse()
    .filter((s) => s.index !== undefined)
    .map((s) => `${name(s.name).toLowerCase()} ${s.index}`);
  return where.length ? `${head} (${where.join(', ')})` : head;
}
