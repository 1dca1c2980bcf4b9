import { useTranslation } from 'react-i18next';
import { Account, PLATFORM_NAMES, Validation } from './api';
import { VariantDraft } from './VariantTabs';

function composed(v: VariantDraft): string {
  const tags = v.hashtags
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((h) => `#${h.replace(/^#/, '')}`);
  return [v.text.trim(), v.link.trim(), tags.join(' ')].filter(Boolean).join('\n\n');
}

/** One preview per target account, with the server's live count and the problems of that target in place. */
export function TargetPreviews(props: {
  accounts: Account[];
  targets: Map<string, 'id' | 'en'>;
  variants: Record<'id' | 'en', VariantDraft>;
  result: Validation | null;
}) {
  const { t } = useTranslation();
  if (!props.targets.size) return null;
  return (
    <section className="panel" aria-labelledby="previews-title">
      <h2 id="previews-title">{t('content.composer.previews')}</h2>
      <div className="previews">
        {[...props.targets].map(([accountId, lang]) => {
          const account = props.accounts.find((a) => a.id === accountId);
          if (!account) return null;
          const counter = props.result?.counters.find((c) => c.accountId === accountId);
          const left = counter ? counter.max - counter.length : null;
          const problems = (props.result?.problems ?? []).filter((p) => p.accountId === accountId);
          const warnings = (props.result?.warnings ?? []).filter((p) => p.accountId === accountId);
          const name = `${PLATFORM_NAMES[account.platform] ?? account.platform} · ${account.handle ?? ''}`;
          return (
            <article key={accountId} className="preview card" aria-label={t('content.composer.previewFor', { name })}>
              <h3>{name}</h3>
              <p className="preview-text">{composed(props.variants[lang]) || t('content.composer.emptyText')}</p>
              {left !== null && (
                <p className={left < 0 ? 'error counter' : 'muted counter'} role="status" aria-live="polite">
                  {left < 0 ? t('content.composer.over', { count: -left }) : t('content.composer.left', { count: left })}
                </p>
              )}
              {problems.map((p) => (
                <p key={p.field + p.code} className="error" role="alert">
                  {p.message}
                </p>
              ))}
              {warnings.map((p) => (
                <p key={p.field + p.code} className="warning" role="status">
                  {p.message}
                </p>
              ))}
            </article>
          );
        })}
      </div>
    </section>
  );
}
