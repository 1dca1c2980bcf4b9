import { FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';

interface Entry {
  id: string;
  at: string;
  actorEmail: string | null;
  action: string;
  objectType: string;
  objectId: string | null;
  ip: string | null;
  details: Record<string, unknown>;
}

const PAGE = 50;

/** City admins: who did what, when and from where; filter by action and object type, page by 50. */
export function AuditPage() {
  const { t, i18n } = useTranslation();
  const [filter, setFilter] = useState({ action: '', objectType: '' });
  const [applied, setApplied] = useState(filter);
  const [offset, setOffset] = useState(0);
  const [data, setData] = useState<{ items: Entry[]; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const q = new URLSearchParams({ limit: String(PAGE), offset: String(offset) });
    if (applied.action) q.set('action', applied.action);
    if (applied.objectType) q.set('objectType', applied.objectType);
    api<{ items: Entry[]; total: number }>(`/v1/audit?${q.toString()}`).then(setData, (e: Error) => setError(e.message));
  }, [applied, offset]);

  const apply = (e: FormEvent) => {
    e.preventDefault();
    setOffset(0);
    setApplied(filter);
  };
  const fmt = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'id-ID', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
    timeZone: 'Asia/Jakarta',
  });

  return (
    <section aria-labelledby="audit-title">
      <h1 id="audit-title">{t('auditPage.title')}</h1>
      <form className="form-row" onSubmit={apply}>
        <div>
          <label htmlFor="audit-action">{t('auditPage.action')}</label>
          <input
            id="audit-action"
            maxLength={80}
            value={filter.action}
            onChange={(e) => setFilter({ ...filter, action: e.target.value })}
            placeholder="user.create"
          />
        </div>
        <div>
          <label htmlFor="audit-type">{t('auditPage.objectType')}</label>
          <input
            id="audit-type"
            maxLength={40}
            value={filter.objectType}
            onChange={(e) => setFilter({ ...filter, objectType: e.target.value })}
            placeholder="user"
          />
        </div>
        <div>
          <button type="submit" className="secondary">
            {t('auditPage.apply')}
          </button>
        </div>
      </form>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {data && (
        <>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('auditPage.when')}</th>
                <th scope="col">{t('auditPage.who')}</th>
                <th scope="col">{t('auditPage.action')}</th>
                <th scope="col">{t('auditPage.object')}</th>
                <th scope="col">{t('auditPage.from')}</th>
                <th scope="col">{t('auditPage.details')}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((e) => (
                <tr key={e.id}>
                  <td>{fmt.format(new Date(e.at))}</td>
                  <td>{e.actorEmail ?? t('auditPage.system')}</td>
                  <td>
                    <code>{e.action}</code>
                  </td>
                  <td>
                    {e.objectType} {e.objectId && <code>{e.objectId.slice(0, 8)}</code>}
                  </td>
                  <td>{e.ip}</td>
                  <td>
                    <code>{JSON.stringify(e.details)}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="actions">
            <button type="button" className="secondary" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
              {t('auditPage.previous')}
            </button>
            <span>{t('auditPage.range', { from: data.total ? offset + 1 : 0, to: offset + data.items.length, total: data.total })}</span>
            <button type="button" className="secondary" disabled={offset + PAGE >= data.total} onClick={() => setOffset(offset + PAGE)}>
              {t('auditPage.next')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
