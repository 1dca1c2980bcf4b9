import { useTranslation } from 'react-i18next';
import { PLATFORM_NAMES, type Post } from '../content/api';

/** The post's texts: one block per language, and each platform's own text where the author wrote one. */
export function PostTexts({ post }: { post: Post }) {
  const { t } = useTranslation();
  if (!post.variants.length) return <p className="muted">{t('postPage.noText')}</p>;
  const ordered = [...post.variants].sort((a, b) =>
    a.language === b.language ? (a.platform ?? '').localeCompare(b.platform ?? '') : a.language === 'id' ? -1 : 1,
  );
  return (
    <div className="post-texts">
      {ordered.map((v) => (
        <article key={`${v.language}:${v.platform ?? ''}`} className="post-text panel" lang={v.language}>
          <h3>
            {t(`content.composer.lang.${v.language}`)}
            {v.platform ? ` · ${PLATFORM_NAMES[v.platform] ?? v.platform}` : ` · ${t('postPage.allPlatforms')}`}
          </h3>
          <p className="preview-text">{v.text}</p>
          {v.hashtags.length > 0 && <p className="muted">{v.hashtags.map((h) => `#${h.replace(/^#/, '')}`).join(' ')}</p>}
          {v.link && (
            <p>
              <a href={v.link} target="_blank" rel="noreferrer">
                {v.link}
              </a>
            </p>
          )}
        </article>
      ))}
    </div>
  );
}
