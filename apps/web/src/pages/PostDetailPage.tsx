import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { PLATFORM_NAMES, PublishTarget, formatTime, usePolling } from './publishing/publishing-api';
import { TargetErrorText } from './publishing/TargetErrorText';
import { UnconfirmedResolver } from './publishing/UnconfirmedResolver';

interface PostTargets {
  postId: string;
  postStatus: string;
  targets: PublishTarget[];
}

const REFRESH_MS = 3_000;

/** One post's publishing: each account's state, the link once published, every attempt, retry. Refreshes itself. */
export function PostDetailPage() {
  const { t, i18n } = useTranslation();
  const postId = new URLSearchParams(location.search).get('id') ?? '';
  const [data, setData] = useState<PostTargets | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const load = () =>
    api<PostTargets>(`/v1/posts/${encodeURIComponent(postId)}/targets`).then(
      (d) => {
        setData(d);
        setError(null);
      },
      (e: Error) => setError(e.message),
    );
  usePolling(() => void load(), REFRESH_MS, [postId]);

  const retry = async (target: PublishTarget) => {
    setBusy(target.id);
    try {
      await api(`/v1/posts/${encodeURIComponent(postId)}/targets/${target.id}/retry`, { method: 'POST' });
      await load();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(null);
    }
  };

  const published = data?.targets.filter((x) => x.status === 'published').length ?? 0;
  const counted = data?.targets.filter((x) => x.status !== 'cancelled').length ?? 0;
  return (
    <section aria-labelledby="post-detail-title">
      <h1 id="post-detail-title">{t('publishing.detail.title')}</h1>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {!data && !error && <p aria-live="polite">{t('common.loading')}</p>}
      {data && (
        <>
          <p className="lead" data-testid="post-status">
            <span className="status">{t(`publishing.postStatus.${data.postStatus}`, { defaultValue: data.postStatus })}</span>
            {published > 0 && published < counted && <> · {t('publishing.detail.publishedOf', { count: published, total: counted })}</>}
          </p>
          <p className="muted">{t('publishing.detail.autoRefresh')}</p>
          <ul className="target-list">
            {data.targets.map((target) => (
              <li key={target.id} className="panel" data-testid={`target-${target.id}`} data-status={target.status}>
                <h2 className="target-title">
                  {PLATFORM_NAMES[target.platform] ?? target.platform} · {target.accountHandle ?? target.accountName}
                </h2>
                <p>
                  <span className={`status status-${target.status}`} data-testid="target-status">
                    {t(`publishing.status.${target.status}`)}
                  </span>
                  {target.status === 'published' && target.publishedAt && (
                    <> · {t('publishing.detail.publishedAt', { time: formatTime(target.publishedAt, i18n.language) })}</>
                  )}
                  {target.status !== 'published' && target.scheduledAt && (
                    <> · {t('publishing.detail.scheduledAt', { time: formatTime(target.scheduledAt, i18n.language) })}</>
                  )}
                </p>
                {target.externalUrl && target.status === 'published' && (
                  <p>
                    <a href={target.externalUrl} target="_blank" rel="noreferrer" data-testid="published-link">
                      {t('publishing.detail.viewOn', { platform: PLATFORM_NAMES[target.platform] ?? target.platform })}
                    </a>
                  </p>
                )}
                <TargetErrorText target={target} />
                {target.status === 'unconfirmed' && <UnconfirmedResolver target={target} onDone={() => void load()} />}
                {(target.status === 'failed' || target.status === 'missed') && (
                  <button type="button" onClick={() => void retry(target)} disabled={busy === target.id}>
                    {t('publishing.detail.retry')}
                  </button>
                )}
                {target.attempts.length > 0 && (
                  <details>
                    <summary>{t('publishing.detail.attempts', { count: target.attempts.length })}</summary>
                    <div className="table-wrap">
                      <table>
                        <thead>
                          <tr>
                            <th scope="col">{t('publishing.attempt.startedAt')}</th>
                            <th scope="col">{t('publishing.attempt.outcome')}</th>
                            <th scope="col">{t('publishing.attempt.errorClass')}</th>
                            <th scope="col">{t('publishing.attempt.httpStatus')}</th>
                            <th scope="col">{t('publishing.attempt.message')}</th>
                            <th scope="col">{t('publishing.attempt.externalId')}</th>
                            <th scope="col">{t('publishing.attempt.worker')}</th>
                          </tr>
                        </thead>
                        <tbody>
                          {target.attempts.map((a) => (
                            <tr key={a.id}>
                              <td>{formatTime(a.startedAt, i18n.language)}</td>
                              <td>
                                {t(`publishing.attempt.kind.${a.kind}`)} · {t(`publishing.outcome.${a.outcome}`)}
                              </td>
                              <td>{a.errorClass ? t(`publishing.errorClass.${a.errorClass}`) : ''}</td>
                              <td className="num">{a.httpStatus ?? ''}</td>
                              <td>{a.platformMessage ?? ''}</td>
                              <td>{a.externalId ?? ''}</td>
                              <td className="muted">{a.worker}</td>
                            </tr>
                          ))}
                        </tbody>
                      </table>
                    </div>
                  </details>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
