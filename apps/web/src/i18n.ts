import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { deepMerge, Tree } from '../../../libs/i18n/src/deep-merge';

/** Every page keeps its strings in locales/<lng>/<page>.json; they are merged into one namespace. */
const files = import.meta.glob('./locales/*/*.json', { eager: true }) as Record<string, { default: Record<string, unknown> }>;
const resources: Record<string, { translation: Tree }> = {};
for (const [file, mod] of Object.entries(files)) {
  const lng = file.split('/')[2];
  resources[lng] ??= { translation: {} };
  deepMerge(resources[lng].translation, mod.default);
}

export const LANGUAGES = ['id', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const stored = localStorage.getItem('kabar.lang');
void i18next.use(initReactI18next).init({
  resources,
  lng: stored === 'en' ? 'en' : 'id',
  fallbackLng: 'id',
  interpolation: { escapeValue: false },
});

i18next.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
  localStorage.setItem('kabar.lang', lng);
});
document.documentElement.lang = i18next.language;

export default i18next;
