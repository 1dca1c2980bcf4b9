import { useTranslation } from 'react-i18next';
import { PLATFORM_NAMES, Validation, Variant } from './api';
import { composed } from './platform-text';
import type { TargetAccount } from './TargetPicker';
import { VariantDraft } from './VariantTabs';

/** Where each platform folds a long text in its feed, and the words it shows there. */
const FOLD: Record<string, number> = { facebook: 480, instagram: 125, tiktok: 100, youtube: 160 };
/** Platforms that show a link as a card under the text (Instagram and TikTok do not make links clickable). */
const LINK_CARD = new Set(['facebook', 'x', 'telegram', 'mastodon', 'threads']);
const AT_HANDLE = new Set(['x', 'instagram', 'threads', 'tiktok', 'mastodon']);

const tags = (s: string) =>
  s
    .split(/[\s,]+/)
    .map((h) => h.replace(/^#/, ''))
    .filter(Boolean);

/**
 * One preview per target account, looking like the platform's feed: the account's name and avatar initial, the
 * text folded where the platform folds it, the media grid and the link card; with the server's live count and
 * the problems of that target in place.
 */
export function TargetPreviews(props: {
  accounts: TargetAccount[];
  targets: Map<string, 'id' | 'en'>;
  variants: Record<'id' | 'en', VariantDraft>;
  overrides: Variant[];
  mediaIds: string[];
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
          const base = props.variants[lang];
          const own = props.overrides.find((o) => o.language === lang && o.platform === account.platform);
          const text = composed(own?.text ?? base.text, base.link, tags(base.hashtags));
          const fold = FOLD[account.platform];
          const folded = fold && text.length > fold ? text.slice(0, fold).trimEnd() : null;
          const counter = props.result?.counters.find((c) => c.accountId === accountId);
          const left = counter ? counter.max - counter.length : null;
          const problems = (props.result?.problems ?? []).filter((p) => p.accountId === accountId);
          const warnings = (props.result?.warnings ?? []).filter((p) => p.accountId === accountId);
          const name = `${PLATFORM_NAMES[account.platform] ?? account.platform} · ${account.handle ?? ''}`;
          const display = account.displayName ?? account.handle ?? account.platform;
          const media = props.mediaIds.slice(0, 4);
          let host = '';
          try {
            host = base.link ? new URL(base.link).hostname : '';
          } catch {
            host = '';
          }
          return (
            <article key={accountId} className={`preview card preview-${account.platform}`} aria-label={t('content.composer.previewFor', { name })}>
              <header className="preview-head">
                <span className="avatar" aria-hidden="true">
                  {display.replace(/^@/, '').charAt(0).toUpperCase()}
                </span>
                <span>
                  <strong>{display}</strong>
                  <span className="muted">
                    {' '}
                    {AT_HANDLE.has(account.platform) && account.handle ? `@${account.handle.replace(/^@/, '')}` : ''} ·{' '}
                    {PLATFORM_NAMES[account.platform] ?? account.platform}
                  </span>
                </span>
              </header>
              <p className="preview-text">
                {!text ? (
                  t('content.composer.emptyText')
                ) : folded ? (
                  <>
                    {folded}… <span className="more">{t('content.composer.seeMore')}</span>
                  </>
                ) : (
                  text
                )}
              </p>
              {media.length > 0 && (
                <div className={`preview-media n${Math.min(props.mediaIds.length, 4)}`}>
                  {media.map((id, i) => (
                    <span key={id} className="preview-media-item">
                      <img src={`/api/v1/media/${id}/file`} alt="" loading="lazy" />
                      {i === 3 && props.mediaIds.length > 4 && <span className="preview-more">+{props.mediaIds.length - 4}</span>}
                    </span>
                  ))}
                </div>
              )}
              {base.link && host && LINK_CARD.has(account.platform) && (
                <div className="link-card" data-testid="link-card">
                  <span className="muted">{host.toUpperCase()}</span>
                  <span className="link-card-url">{base.link}</span>
                </div>
              )}
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
