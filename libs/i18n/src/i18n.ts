import * as fs from 'fs';
import * as path from 'path';
import i18next, { i18n as I18n, TFunction } from 'i18next';
import { deepMerge } from './deep-merge';

export const LOCALES = ['id', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'id';

/** Each bounded context keeps its messages in locales/<lng>/<context>.json; all are merged into one namespace. */

function loadCatalogue(lng: Locale): Record<string, unknown> {
  const dir = path.join(__dirname, 'locales', lng);
  const merged: Record<string, unknown> = {};
  for (const file of fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    deepMerge(merged, JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')));
  }
  return merged;
}

let instance: I18n | undefined;

export function i18n(): I18n {
  if (!instance) {
    instance = i18next.createInstance();
    void instance.init({
      initAsync: false,
      resources: Object.fromEntries(LOCALES.map((l) => [l, { translation: loadCatalogue(l) }])),
      lng: DEFAULT_LOCALE,
      fallbackLng: DEFAULT_LOCALE,
      supportedLngs: [...LOCALES],
      interpolation: { escapeValue: false },
      returnNull: false,
    });
  }
  return instance;
}

export function translator(locale: Locale): TFunction {
  return i18n().getFixedT(locale);
}

export function translate(locale: Locale, key: string, params?: Record<string, unknown>): string {
  return translator(locale)(key, humanParams(locale, params ?? {})) as string;
}

/**
 * Code values among message parameters, in words, for every message: `language` "en" is "bahasa Inggris",
 * `status` "in_review" is "Sedang ditinjau".
 */
export function humanParams(locale: Locale, params: Record<string, unknown>): Record<string, unknown> {
  let out = params;
  for (const [key, prefix] of [
    ['language', 'languages'],
    ['status', 'content.status'],
  ] as const) {
    const v = params[key];
    if (typeof v === 'string' && /^[a-z_]+$/.test(v) && hasKey(`${prefix}.${v}`)) out = { ...out, [key]: translator(locale)(`${prefix}.${v}`) };
  }
  return out;
}

export function hasKey(key: string): boolean {
  return i18n().exists(key, { lng: DEFAULT_LOCALE });
}

/** Picks the locale from an Accept-Language header ("en-US,en;q=0.9,id;q=0.8"), Indonesian by default. */
export function localeFromHeader(header: string | undefined): Locale {
  if (!header) return DEFAULT_LOCALE;
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.find((p) => p.trim().startsWith('q='));
      return { tag: tag.trim().toLowerCase(), q: q ? Number(q.trim().slice(2)) : 1 };
    })
    .filter((r) => r.tag && r.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    const base = tag.split('-')[0];
    if ((LOCALES as readonly string[]).includes(base)) return base as Locale;
  }
  return DEFAULT_LOCALE;
}

export function isLocale(v: unknown): v is Locale {
  return typeof v === 'string' && (LOCALES as readonly string[]).includes(v);
}
