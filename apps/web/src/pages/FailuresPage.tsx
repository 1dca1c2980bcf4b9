import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { send, useApi, useApiMutation } from '../api/query';
import { navigate } from '../router';
import { Button } from '../ui/Button';
import { Notice } from '../ui/Notice';
import { Column, Table } from '../ui/Table';
import { PLATFORM_NAMES, Problem, formatTime, postDetailPath } from './publishing/publishing-api';
import { TargetErrorText } from './publishing/TargetErrorText';
import { UnconfirmedResolver } from './publishing/UnconfirmedResolver';

const KINDS = ['', 'unconfirmed', 'failed', 'stuck', 'missed', 'held'] as const;
interface ProblemList {
  items: Problem[];
  total: number;
}

/** Every unconfirmed, failed, stuck, missed or held target in the caller's units (the whole city for Diskominfo). */
export function FailuresPage() {
  const { t, i18n } = useTranslation();
  const [kind, setKind] = useState<(typeof KINDS)[number]>('');
  const listPath = `/v1/publishing/problems?limit=100${kind ? `&kind=${kind}` : ''}`;
  const list = useApi<ProblemList>(listPath, { refetchInterval: 10_000 });
  const [done, setDone] = useState<string | null>(null);
  const retry = useApiMutation<Problem, unknown, ProblemList>({
    request: (p) => send('POST', `/v1/posts/${p.postId}/targets/${p.id}/retry`),
    invalidates: ['/v1/publishing/problems', '/v1/posts', '/v1/home'],
    // the retried target leaves the list at once; the refetch brings it back if it is still a problem
    optimistic: { listPath, apply: (l, p) => ({ items: l.items.filter((x) => x.id !== p.id), total: Math.max(0, l.total - 1) }) },
    onSuccess: () => setDone(t('publishing.failures.retried')),
  });
  const refresh = () => void list.refetch();
  const columns: Column<Problem>[] = [
    {
      key: 'post',
      header: t('publishing.failures.post'),
      rowHeader: true,
      cell: (p) => (
        <a
          href={postDetailPath(p.postId)}
          onClick={(e) => {
            e.preventDefault();
            navigate(postDetailPath(p.postId));
          }}
        >
          {p.postPreview || t('publishing.failures.untitled')}
        </a>
      ),
    },
    {
      key: 'account',
      header: t('publishing.failures.account'),
      cell: (p) => `${PLATFORM_NAMES[p.platform] ?? p.platform} · ${p.accountHandle ?? p.accountName}`,
    },
    { key: 'unit', header: t('publishing.failures.unit'), cell: (p) => p.unitName },
    { key: 'scheduled', header: t('publishing.failures.scheduled'), cell: (p) => formatTime(p.scheduledAt, i18n.language) },
    {
      key: 'problem',
      header: t('publishing.failures.problem'),
      cell: (p) => (
        <span>
          <span className="status">{t(`publishing.problem.${p.problem}`)}</span>
          <TargetErrorText target={p} />
          {p.status === 'unconfirmed' && <UnconfirmedResolver target={p} onDone={refresh} />}
        </span>
      ),
    },
    {
      key: 'actions',
      header: t('publishing.failures.actions'),
      cell: (p) =>
        (p.status === 'failed' || p.status === 'missed') && (
          <Button busy={retry.isPending && retry.variables?.id === p.id} onClick={() => retry.mutate(p)}>
            {t('publishing.detail.retry')}
          </Button>
        ),
    },
  ];

  const data = list.data;
  const error = list.error ?? retry.error;
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
      {error && <Notice kind="error">{error.message}</Notice>}
      <Notice>{done}</Notice>
      {list.isPending && <p aria-live="polite">{t('common.loading')}</p>}
      {data && data.items.length === 0 && <p className="notice">{t('publishing.failures.none')}</p>}
      {data && data.items.length > 0 && <Table columns={columns} rows={data.items} rowKey={(p) => p.id} caption={t('publishing.failures.title')} />}
    </section>
  );
}
