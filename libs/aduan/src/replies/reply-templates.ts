import { aduanReplyTemplates as templatesJson } from '@kabar/config';

export type ReplyLanguage = 'id' | 'en';

export interface ReplyTemplateSet {
  city: string;
  defaultAgency: Record<ReplyLanguage, string>;
  templates: Record<string, Record<ReplyLanguage, string>>;
}

export const KOTA_BOGOR_REPLY_TEMPLATES = templatesJson as ReplyTemplateSet;

/** What a template's placeholders are filled with. */
export interface TemplateValues {
  handle: string;
  agency: string | null;
  ticket: string;
}

const PLACEHOLDER = /\{(handle|agency|ticket)\}/g;

/** Seeded template sets by the city's root unit code; a city not listed uses Kota Bogor's. */
export function replyTemplatesFor(rootCode: string | null | undefined): ReplyTemplateSet {
  return rootCode === KOTA_BOGOR_REPLY_TEMPLATES.city ? KOTA_BOGOR_REPLY_TEMPLATES : KOTA_BOGOR_REPLY_TEMPLATES;
}

/** The template keys offered for a comment: its category's, then the general ones. */
export function templateKeysFor(set: ReplyTemplateSet, category: string | null): string[] {
  const keys = Object.keys(set.templates);
  return [...keys.filter((k) => category && k.startsWith(`${category}.`)), ...keys.filter((k) => k.startsWith('umum.'))];
}

/** The template in `language` with its placeholders filled; null when the key is unknown. */
export function renderTemplate(set: ReplyTemplateSet, key: string, language: ReplyLanguage, values: TemplateValues): string | null {
  const template = set.templates[key]?.[language];
  if (!template) return null;
  const filled: Record<string, string> = { handle: values.handle, agency: values.agency ?? set.defaultAgency[language], ticket: values.ticket };
  return template.replace(PLACEHOLDER, (_m, name: string) => filled[name]);
}

/** How a citizen is addressed: `@handle` where the platform has handles; Facebook shows a name, not a handle. */
export function addressOf(platform: string, handle: string): string {
  const bare = handle.replace(/^@+/, '').trim();
  if (!bare) return '';
  return platform === 'facebook' ? bare : `@${bare}`;
}
