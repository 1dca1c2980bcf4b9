import { useTranslation } from 'react-i18next';
import type { Post } from '../content/api';
import { formatTime } from '../publishing/publishing-api';

/** Who did what and when, with the reviewers' comments, newest first. */
export function PostHistory({ post }: { post: Post }) {
  const { t, i18n } = useTranslation();
  const rows = [...post.history].reverse();
  return (
    <ol className="post-history" reversed>
      {rows.map((h, i) => (
        <li key={i}>
          <strong>{t(`content.action.${h.action}`, { defaultValue: h.action })}</strong>
          {h.toStatus && h.toStatus !== h.fromStatus && <> → {t(`content.status.${h.toStatus}`, { defaultValue: h.toStatus })}</>}
          <span className="muted">
            {' '}
            · {h.actorName ?? t('postPage.system')} · {formatTime(h.at, i18n.language)}
          </span>
          {h.comment && <blockquote className="post-comment">{h.comment}</blockquote>}
        </li>
      ))}
    </ol>
  );
}
