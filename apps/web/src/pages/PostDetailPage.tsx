import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { navigate } from '../router';
import { formatWhen } from './content/api';
import { PostActions } from './posts/PostActions';
import { PostHistory } from './posts/PostHistory';
import { PostTargetsList } from './posts/PostTargetsList';
import { PostTexts } from './posts/PostTexts';
import { PostAction, PostTargets, PostWithActions, deletePost, duplicatePost, loadPost, loadTargets, retryTarget, runStep } from './posts/post-page-api';
import { PublishTarget, usePolling } from './publishing/publishing-api';
import './posts/post-page.css';

const REFRESH_MS = 3_000;
const STEPS: Partial<Record<PostAction, string>> = {
  submit: 'submit',
  approve: 'approve',
  request_changes: 'request-changes',
  schedule: 'schedule',
  reschedule: 'schedule',
  unschedule: 'unschedule',
  cancel: 'cancel',
};

/**
 * One post: its texts per language and platform, media, each account's state, link and attempts, history and
 * comments, and the actions the server allows the caller on it now. The calendar, lists, notifications and
 * Beranda open it. Refreshes itself while the post is going out.
 */
export function PostDetailPage() {
  const { t, i18n } = useTranslation();
  const postId = new URLSearchParams(location.search).get('id') ?? '';
  const [post, setPost] = useState<PostWithActions | null>(null);
  const [targets, setTargets] = useState<PostTargets | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string[]>([]);
  const [busy, setBusy] = useState<string | null>(null);

  const load = () =>
    Promise.all([loadPost(postId), loadTargets(postId)]).then(
      ([p, tg]) => {
        setPost(p);
        setTargets(tg);
        setError(null);
      },
      (e: Error) => setError(e.message),
    );
  usePolling(() => void load(), REFRESH_MS, [postId, i18n.language]);

  const run = async (action: PostAction, input: { comment?: string; scheduledAt?: string }) => {
    if (!post) return;
    if (action === 'edit') return navigate(`/posts/new?id=${encodeURIComponent(post.id)}`);
    setBusy(action);
    setError(null);
    setNotice([]);
    try {
      if (action === 'delete') {
        await deletePost(post);
        return navigate('/posts?deleted=1');
      }
      if (action === 'duplicate') {
        const copy = await duplicatePost(post);
        return navigate(`/posts/new?id=${encodeURIComponent(copy.id)}`);
      }
      if (action === 'retry') {
        for (const target of targets?.targets.filter((x) => x.status === 'failed' || x.status === 'missed') ?? []) await retryTarget(post.id, target.id);
        await load();
        return setNotice([t('postPage.done.retry')]);
      }
      const step = STEPS[action]!;
      const body =
        action === 'schedule' || action === 'reschedule'
          ? { scheduledAt: input.scheduledAt }
          : action === 'approve' || action === 'request_changes'
            ? { comment: input.comment }
            : {};
      const next = await runStep(post, step, body);
      setPost(next);
      await load();
      setNotice([t('postPage.done.step', { status: t(`content.status.${next.status}`) }), ...(next.warnings ?? []).map((w) => w.message)]);
    } catch (e) {
      const err = e as ApiError;
      setError(err.details?.length ? err.details.map((d) => d.message).join(' ') : err.message);
    } finally {
      setBusy(null);
    }
  };

  const retryOne = async (target: PublishTarget) => {
    setBusy(target.id);
    try {
      await retryTarget(postId, target.id);
      await load();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(null);
    }
  };

  const targetList = targets?.targets ?? [];
  const published = targetList.filter((x) => x.status === 'published').length;
  const counted = targetList.filter((x) => x.status !== 'cancelled').length;
  const onSchedule = post && ['scheduled', 'publishing', 'published', 'partially_failed', 'failed'].includes(post.status);
  const past = post?.scheduledAt ? new Date(post.scheduledAt).getTime() < Date.now() : false;
  return (
    <section aria-labelledby="post-detail-title" className="post-page">
      <h1 id="post-detail-title">{t('publishing.detail.title')}</h1>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {!post && !error && <p aria-live="polite">{t('common.loading')}</p>}
      {post && (
        <>
          <p className="lead" data-testid="post-status">
            <span className={`badge post-status post-status-${post.status}`}>{t(`content.status.${post.status}`)}</span>
            {published > 0 && published < counted && <> · {t('publishing.detail.publishedOf', { count: published, total: counted })}</>}
            {' · '}
            {post.unitName}
          </p>
          <p data-testid="post-time">
            {!post.scheduledAt
              ? t('postPage.noTime')
              : t(onSchedule ? 'postPage.scheduledFor' : past ? 'postPage.plannedPassed' : 'postPage.plannedFor', {
                  time: formatWhen(post.scheduledAt, post.timeZone, i18n.language),
                })}
          </p>
          {notice.map((n) => (
            <p key={n} className="notice" role="status">
              {n}
            </p>
          ))}
          <PostActions post={post} busy={!!busy} run={(a, input) => void run(a, input)} />

          <h2>{t('postPage.texts')}</h2>
          <PostTexts post={post} />

          {post.media.length > 0 && (
            <>
              <h2>{t('content.composer.media')}</h2>
              <div className="media-grid">
                {post.media.map((m) =>
                  m.kind === 'video' ? (
                    <video key={m.id} src={m.url} controls preload="metadata" aria-label={m.altText ?? t('postPage.video')} />
                  ) : (
                    <img key={m.id} src={m.url} alt={m.altText ?? ''} loading="lazy" />
                  ),
                )}
              </div>
            </>
          )}

          <h2>{t('postPage.targets')}</h2>
          {targetList.length === 0 && <p className="muted">{t('postPage.noTargets')}</p>}
          <PostTargetsList
            targets={targetList}
            canRetry={post.allowedActions.includes('retry')}
            busy={busy}
            onRetry={(x) => void retryOne(x)}
            onChanged={() => void load()}
          />
          <p className="muted">{t('publishing.detail.autoRefresh')}</p>

          <h2>{t('postPage.history')}</h2>
          <PostHistory post={post} />
        </>
      )}
    </section>
  );
}
