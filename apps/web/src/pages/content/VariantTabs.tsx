import { ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PLATFORM_NAMES, Problem, Variant } from './api';
import { composed, limitFor, liveLength } from './platform-text';

export interface VariantDraft {
  text: string;
  hashtags: string;
  link: string;
}

const tagList = (s: string) =>
  s
    .split(/[\s,]+/)
    .map((h) => h.replace(/^#/, ''))
    .filter(Boolean);

/**
 * The Indonesian and English texts as two tabs (WAI-ARIA tabs pattern); inside each, one tab for the text all
 * platforms share and one per chosen platform for a text of its own, each with its live count against the
 * platform's limit (libs/platforms' counting, as the author types).
 */
export function VariantTabs(props: {
  value: Record<'id' | 'en', VariantDraft>;
  onChange(lang: 'id' | 'en', v: VariantDraft): void;
  problems: Problem[];
  /** The platforms of the chosen accounts. */
  platforms?: string[];
  /** Per-platform texts (variants with a platform). */
  overrides?: Variant[];
  onOverride?(lang: 'id' | 'en', platform: string, text: string | null): void;
  withMedia?: boolean;
  /** Extra controls shown under the fields of the language being edited (e.g. the hashtag-set picker). */
  extra?: (lang: 'id' | 'en') => ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const [tab, setTab] = useState<'id' | 'en'>('id');
  const [ptab, setPtab] = useState<string>('all');
  const v = props.value[tab];
  const set = (patch: Partial<VariantDraft>) => props.onChange(tab, { ...v, ...patch });
  const mine = props.problems.filter((p) => p.field.startsWith(`variants.${tab}`));
  const platforms = props.platforms ?? [];
  const own = (platform: string) => props.overrides?.find((o) => o.language === tab && o.platform === platform);
  const current = ptab !== 'all' && platforms.includes(ptab) ? ptab : 'all';
  const count = (platform: string) => {
    const limit = limitFor(platform, !!props.withMedia);
    if (!limit) return null;
    const text = composed(own(platform)?.text ?? v.text, v.link, tagList(v.hashtags));
    return { left: limit.max - liveLength(text, limit), max: limit.max };
  };
  const number = (n: number) => new Intl.NumberFormat(i18n.language === 'en' ? 'en-GB' : 'id-ID').format(n);
  const counterText = (platform: string) => {
    const c = count(platform);
    if (!c) return '';
    return c.left < 0
      ? t('content.composer.platformOver', { count: -c.left, platform: PLATFORM_NAMES[platform] ?? platform, n: number(-c.left) })
      : t('content.composer.platformLeft', { platform: PLATFORM_NAMES[platform] ?? platform, n: number(c.left) });
  };
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
        {platforms.length > 0 && (
          <div role="tablist" aria-label={t('content.composer.platformTexts')} className="tabs platform-tabs">
            {['all', ...platforms].map((p) => {
              const c = p === 'all' ? null : count(p);
              return (
                <button
                  key={p}
                  type="button"
                  role="tab"
                  id={`ptab-${p}`}
                  aria-selected={current === p}
                  className={current === p ? 'tab active' : 'tab'}
                  onClick={() => setPtab(p)}
                  aria-label={p === 'all' ? undefined : counterText(p) || (PLATFORM_NAMES[p] ?? p)}
                >
                  {p === 'all' ? t('content.composer.allPlatforms') : (PLATFORM_NAMES[p] ?? p)}
                  {p !== 'all' && own(p) && ' ✎'}
                  {c && <span className={c.left < 0 ? 'tab-count error' : 'tab-count muted'}> {number(c.left)}</span>}
                </button>
              );
            })}
          </div>
        )}
        {current === 'all' ? (
          <>
            <label htmlFor={`text-${tab}`}>{t('content.composer.text')}</label>
            <textarea id={`text-${tab}`} rows={7} value={v.text} onChange={(e) => set({ text: e.target.value })} className="wide" />
          </>
        ) : (
          <>
            <label htmlFor={`text-${tab}-${current}`}>{t('content.composer.platformText', { platform: PLATFORM_NAMES[current] ?? current })}</label>
            {own(current) ? (
              <>
                <textarea
                  id={`text-${tab}-${current}`}
                  rows={7}
                  value={own(current)!.text}
                  onChange={(e) => props.onOverride?.(tab, current, e.target.value)}
                  className="wide"
                />
                <button type="button" className="secondary" onClick={() => props.onOverride?.(tab, current, null)}>
                  {t('content.composer.useSharedText')}
                </button>
              </>
            ) : (
              <>
                <p className="muted" id={`text-${tab}-${current}`}>
                  {t('content.composer.sharedTextUsed', { platform: PLATFORM_NAMES[current] ?? current })}
                </p>
                <button type="button" className="secondary" onClick={() => props.onOverride?.(tab, current, v.text)}>
                  {t('content.composer.writeOwnText', { platform: PLATFORM_NAMES[current] ?? current })}
                </button>
              </>
            )}
          </>
        )}
        {platforms.length > 0 && (
          <p className="muted counter" aria-live="polite" data-testid="platform-counters">
            {(current === 'all' ? platforms : [current]).map(counterText).filter(Boolean).join(' · ')}
          </p>
        )}
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
