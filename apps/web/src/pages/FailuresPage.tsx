import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { navigate } from '../router';
import { PLATFORM_NAMES, Problem, formatTime, postDetailPath, usePolling } from './publishing/publishing-api';
import { TargetErrorText } from './publishing/TargetErrorText';
import { UnconfirmedResolver } from './publishing/UnconfirmedResolver';

const KINDS = ['', 'unconfirmed', 'failed', 'stuck', 'missed', 'held'] as const;

/** Every unconfirmed, failed, stuck, missed or held target in the caller's units (the whole city for Diskominfo). */
export function FailuresPage() {
  const { t, i18n } = useTranslation();
  const [kind, setKind] = useState<(typeof KINDS)[number]>('');
  const [data, setData] = useState<{ items: Problem[]; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = () =>
    api<{ items: Problem[]; total: number }>(`/v1/publishing/problems?limit=100${kind ? `&kind=${kind}` : ''}`).then(setData, (e: Error) =>
      setError(e.message),
    );
  usePolling(() => void load(), 10_000, [kind]);

  const retry = async (p: Problem) => {
    try {
      await api(`/v1/posts/${p.postId}/targets/${p.id}/retry`, { method: 'POST' });
      await load();
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <section aria-labelledby="failures-title">
      <h1 id="failures-title">{t('publishing.failures.title')}</h1>
      <p className="lead">{t('publishing.failures.lead')}</p>
      <div className="actions" role="group" aria-label={t('publishing.failures.filter')}>
        {KINDS.map((k) => (
          <button key={k || 'all'} type="button" aria-pressed={kind === k} onClick={() => setKind(k)}>
            {t(k ? `publishing.problem.${k}` : 'publishing.failures.all')}
          </button>
        ))}
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {data && data.items.length === 0 && <p className="notice">{t('publishing.failures.none')}</p>}
      {data && data.items.length > 0 && (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('publishing.failures.post')}</th>
                <th scope="col">{t('publishing.failures.account')}</th>
                <th scope="col">{t('publishing.failures.unit')}</th>
                <th scope="col">{t('publishing.failures.scheduled')}</th>
                <th scope="col">{t('publishing.failures.problem')}</th>
                <th scope="col">{t('publishing.failures.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((p) => (
                <tr key={p.id}>
                  <td>
                    <a
                      href={postDetailPath(p.postId)}
                      onClick={(e) => {
                        e.preventDefault();
                        navigate(postDetailPath(p.postId));
                      }}
                    >
                      {p.postPreview || t('publishing.failures.untitled')}
                    </a>
                  </td>
                  <td>
                    {PLATFORM_NAMES[p.platform] ?? p.platform} · {p.accountHandle ?? p.accountName}
                  </td>
                  <td>{p.unitName}</td>
                  <td>{formatTime(p.scheduledAt, i18n.language)}</td>
                  <td>
                    <span className="status">{t(`publishing.problem.${p.problem}`)}</span>
                    <TargetErrorText target={p} />
                    {p.status === 'unconfirmed' && <UnconfirmedResolver target={p} onDone={() => void load()} />}
                  </td>
                  <td>
                    {(p.status === 'failed' || p.status === 'missed') && (
                      <button type="button" onClick={() => void retry(p)}>
                        {t('publishing.detail.retry')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
