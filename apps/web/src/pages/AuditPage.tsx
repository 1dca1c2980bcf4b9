import { keepPreviousData } from '@tanstack/react-query';
import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/query';
import type { AuditPageDto, AuditEntryDto } from '../api/types';
import { Button } from '../ui/Button';
import { Field } from '../ui/Field';
import { formatInstant, formatNumber } from '../ui/format';
import { Notice } from '../ui/Notice';
import { Column, Table } from '../ui/Table';

const PAGE = 50;

/** City admins: who did what, when and from where; filter by action and object type, page by 50. */
export function AuditPage() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const [filter, setFilter] = useState({ action: '', objectType: '' });
  const [applied, setApplied] = useState(filter);
  const [offset, setOffset] = useState(0);
  const q = new URLSearchParams({ limit: String(PAGE), offset: String(offset) });
  if (applied.action) q.set('action', applied.action);
  if (applied.objectType) q.set('objectType', applied.objectType);
  const page = useApi<AuditPageDto>(`/v1/audit?${q}`, { placeholderData: keepPreviousData });
  const data = page.data;

  const apply = (e: FormEvent) => {
    e.preventDefault();
    setOffset(0);
    setApplied(filter);
  };
  const columns: Column<AuditEntryDto>[] = [
    { key: 'at', header: t('auditPage.when'), cell: (e) => formatInstant(e.at, lng) },
    { key: 'who', header: t('auditPage.who'), rowHeader: true, cell: (e) => e.actorEmail ?? t('auditPage.system') },
    { key: 'action', header: t('auditPage.action'), cell: (e) => <code>{e.action}</code> },
    {
      key: 'object',
      header: t('auditPage.object'),
      cell: (e) => (
        <span>
          {e.objectType} {e.objectId && <code>{e.objectId.slice(0, 8)}</code>}
        </span>
      ),
    },
    { key: 'ip', header: t('auditPage.from'), cell: (e) => e.ip ?? '–' },
    { key: 'details', header: t('auditPage.details'), cell: (e) => <code>{JSON.stringify(e.details)}</code> },
  ];

  return (
    <section aria-labelledby="audit-title">
      <h1 id="audit-title">{t('auditPage.title')}</h1>
      <form className="form-row" onSubmit={apply}>
        <Field label={t('auditPage.action')}>
          {(c) => (
            <input {...c} maxLength={80} value={filter.action} onChange={(e) => setFilter({ ...filter, action: e.target.value })} placeholder="user.create" />
          )}
        </Field>
        <Field label={t('auditPage.objectType')}>
          {(c) => (
            <input {...c} maxLength={40} value={filter.objectType} onChange={(e) => setFilter({ ...filter, objectType: e.target.value })} placeholder="user" />
          )}
        </Field>
        <div>
          <Button type="submit">{t('auditPage.apply')}</Button>
        </div>
      </form>
      {page.error && <Notice kind="error">{page.error.message}</Notice>}
      {page.isPending && <p aria-live="polite">{t('common.loading')}</p>}
      {data && (
        <>
          <Table columns={columns} rows={data.items} rowKey={(e) => e.id} caption={t('auditPage.title')} />
          <div className="actions pager">
            <Button disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
              {t('auditPage.previous')}
            </Button>
            <span>
              {t('auditPage.range', {
                from: formatNumber(data.total ? offset + 1 : 0, lng),
                to: formatNumber(offset + data.items.length, lng),
                total: formatNumber(data.total, lng),
              })}
            </span>
            <Button disabled={offset + PAGE >= data.total} onClick={() => setOffset(offset + PAGE)}>
              {t('auditPage.next')}
            </Button>
          </div>
        </>
      )}
    </section>
  );
}
