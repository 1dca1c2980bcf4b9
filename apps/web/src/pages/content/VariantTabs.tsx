import { ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Problem } from './api';

export interface VariantDraft {
  text: string;
  hashtags: string;
  link: string;
}

/** The Indonesian and English texts as two tabs (WAI-ARIA tabs pattern). */
export function VariantTabs(props: {
  value: Record<'id' | 'en', VariantDraft>;
  onChange(lang: 'id' | 'en', v: VariantDraft): void;
  problems: Problem[];
  /** Extra controls shown under the fields of the language being edited (e.g. the hashtag-set picker). */
  extra?: (lang: 'id' | 'en') => ReactNode;
}) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<'id' | 'en'>('id');
  const v = props.value[tab];
  const set = (patch: Partial<VariantDraft>) => props.onChange(tab, { ...v, ...patch });
  const mine = props.problems.filter((p) => p.field.startsWith(`variants.${tab}`));
  return (
    <div className="panel">
      <div role="tablist" aria-label={t('content.composer.languages')} className="tabs">
        {(['id', 'en'] as const).map((lang) => (
          <button
            key={lang}
            type="button"
            role="tab"
            id={`tab-${lang}`}
            aria-selected={tab === lang}
            aria-controls={`panel-${lang}`}
            className={tab === lang ? 'tab active' : 'tab'}
            onClick={() => setTab(lang)}
          >
            {t(`content.composer.lang.${lang}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
        <label htmlFor={`text-${tab}`}>{t('content.composer.text')}</label>
        <textarea id={`text-${tab}`} rows={7} value={v.text} onChange={(e) => set({ text: e.target.value })} className="wide" />
        <div className="form-row">
          <div>
            <label htmlFor={`tags-${tab}`}>{t('content.composer.hashtags')}</label>
            <input id={`tags-${tab}`} value={v.hashtags} placeholder="#KotaBogor #PemkotBogor" onChange={(e) => set({ hashtags: e.target.value })} />
          </div>
          <div>
            <label htmlFor={`link-${tab}`}>{t('content.composer.link')}</label>
            <input id={`link-${tab}`} type="url" value={v.link} placeholder="https://" onChange={(e) => set({ link: e.target.value })} />
          </div>
        </div>
        {props.extra?.(tab)}
        {mine.map((p) => (
          <p key={p.field + p.code + p.message} className={p.code.startsWith('content.glossary') ? 'warning' : 'error'} role="status">
            {p.message}
          </p>
        ))}
      </div>
    </div>
  );
}
