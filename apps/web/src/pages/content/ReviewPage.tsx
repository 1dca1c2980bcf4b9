import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../api/client';
import { navigate } from '../../router';
import { postDetailPath } from '../publishing/publishing-api';
import { invalidateApi, useApi } from '../../api/query';
import { Post, formatWhen, json } from './api';
import './content.css';

interface Summary {
  id: string;
  unitName: string;
  pillar: string;
  excerpt: string;
  scheduledAt: string | null;
  timeZone: string;
}

const QUEUE = '/v1/posts?status=in_review&pageSize=100';

/** The review queue: posts waiting for the caller, each with its texts, targets and history. */
export function ReviewPage() {
  const { t, i18n } = useTranslation();
  const queue = useApi<{ items: Summary[] }>(QUEUE).data?.items ?? [];
  const [post, setPost] = useState<Post | null>(null);
  const [comment, setComment] = useState('');
  const [message, setMessage] = useState<{ text: string; error?: boolean } | null>(null);
  const reload = () => void invalidateApi('/v1/posts', '/v1/calendar', '/v1/home');

  const act = async (action: 'approve' | 'request-changes') => {
    if (!post) return;
    try {
      const res = await api<Post>(`/v1/posts/${post.id}/${action}`, json({ comment: comment || undefined, version: post.version }));
      // Approved with a time still ahead: already scheduled; otherwise the server says what is left to do.
      const warning = (res as Post & { warnings?: Array<{ message: string }> }).warnings?.[0]?.message;
      setMessage({ text: [t('content.review.done', { status: t(`content.status.${res.status}`) }), warning].filter(Boolean).join(' ') });
      setPost(res);
      setComment('');
      reload();
    } catch (e) {
      const err = e as ApiError;
      setMessage({ text: err.details?.[0]?.message ?? err.message, error: true });
      // changed since it was read: show the current version, which the next approval names
      if (err.status === 409) void api<Post>(`/v1/posts/${post.id}`).then(setPost);
    }
  };
  return (
    <section aria-labelledby="review-title">
      <h1 id="review-title">{t('content.review.title')}</h1>
      {!queue.length && <p className="muted">{t('content.review.empty')}</p>}
      <ul className="queue">
        {queue.map((q) => (
          <li key={q.id}>
            <button type="button" className="link" onClick={() => void api<Post>(`/v1/posts/${q.id}`).then((p) => (setPost(p), setMessage(null)))}>
              {q.unitName}: {q.excerpt.slice(0, 80)}
            </button>
            {q.scheduledAt && <span className="muted"> · {formatWhen(q.scheduledAt, q.timeZone, i18n.language)}</span>}
          </li>
        ))}
      </ul>
      {message && (
        <p className={message.error ? 'error' : 'notice'} role="status">
          {message.text}
        </p>
      )}
      {post && (
        <article className="panel" aria-labelledby="review-post">
          <h2 id="review-post">
            {post.unitName} · {t(`content.status.${post.status}`)}
          </h2>
          <p>
            <a
              href={postDetailPath(post.id)}
              onClick={(e) => {
                e.preventDefault();
                navigate(postDetailPath(post.id));
              }}
            >
              {t('content.review.openPost')}
            </a>
          </p>
          {post.variants.map((v) => (
            <div key={v.language + (v.platform ?? '')}>
              <h3>{t(`content.composer.lang.${v.language}`)}</h3>
              <p className="preview-text">{v.text}</p>
              {v.hashtags.length > 0 && <p className="muted">{v.hashtags.map((h) => `#${h}`).join(' ')}</p>}
            </div>
          ))}
          {post.media.map((m) => (m.kind === 'image' ? <img key={m.id} src={m.url} alt={m.altText ?? ''} className="thumb" /> : null))}
          <p className="muted">{post.targets.map((x) => `${t(`platforms.${x.platform}`)} · ${x.handle ?? ''} (${x.language})`).join(', ')}</p>
          <label htmlFor="review-comment">{t('content.review.comment')}</label>
          <textarea id="review-comment" rows={3} value={comment} onChange={(e) => setComment(e.target.value)} />
          <div className="actions">
            <button type="button" className="primary" onClick={() => void act('approve')}>
              {t('content.review.approve')}
            </button>
            <button type="button" className="secondary" onClick={() => void act('request-changes')}>
              {t('content.review.requestChanges')}
            </button>
          </div>
          <h3>{t('content.review.history')}</h3>
          <ol className="history">
            {post.history.map((h, i) => (
              <li key={i}>
                {formatWhen(h.at, post.timeZone, i18n.language)} · {h.actorName ?? '—'} · {t(`content.action.${h.action}`, { defaultValue: h.action })}
                {h.toStatus && ` → ${t(`content.status.${h.toStatus}`)}`}
                {h.comment && <q> {h.comment}</q>}
              </li>
            ))}
          </ol>
        </article>
      )}
    </section>
  );
}
