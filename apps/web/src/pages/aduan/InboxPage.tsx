import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { PLATFORM_NAMES, usePolling } from '../publishing/publishing-api';
import { InboxMeta, STATUSES, Ticket } from './aduan-api';
import { TicketCard } from './TicketCard';
import './aduan.css';

const PAGE = 20;
const PLATFORMS = ['facebook', 'instagram', 'x', 'telegram', 'mastodon', 'tiktok', 'youtube', 'threads'];

interface Filters {
  category: string;
  placeUnitId: string;
  agencyUnitId: string;
  platform: string;
  status: string;
  overdue: boolean;
}

const EMPTY: Filters = { category: '', placeUnitId: '', agencyUnitId: '', platform: '', status: '', overdue: false };

/** The complaints inbox: newest first, filters, the comment in context, one-click verify / route / resolve / not a complaint. */
export function InboxPage() {
  const { t, i18n } = useTranslation();
  const [meta, setMeta] = useState<InboxMeta | null>(null);
  const [filters, setFilters] = useState<Filters>(EMPTY);
  const [offset, setOffset] = useState(0);
  const [data, setData] = useState<{ items: Ticket[]; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const lang = i18n.language === 'en' ? 'en' : 'id';

  useEffect(() => {
    api<InboxMeta>('/v1/aduan/tickets/meta').then(setMeta, (e: Error) => setError(e.message));
  }, []);

  const query = () => {
    const q = new URLSearchParams({ limit: String(PAGE), offset: String(offset) });
    for (const [k, v] of Object.entries(filters)) if (v) q.set(k, String(v));
    return q.toString();
  };
  const load = () =>
    api<{ items: Ticket[]; total: number }>(`/v1/aduan/tickets?${query()}`).then(
      (d) => {
        setData(d);
        setError(null);
      },
      (e: Error) => setError(e.message),
    );
  usePolling(() => void load(), 15_000, [filters, offset]);

  const set = (patch: Partial<Filters>) => {
    setOffset(0);
    setFilters({ ...filters, ...patch });
  };

  return (
    <section aria-labelledby="inbox-title" className="inbox">
      <h1 id="inbox-title">{t('aduan.title')}</h1>
      <p className="lead">{t('aduan.lead')}</p>
      <details className="panel inbox-filters">
        <summary>{t('aduan.filters')}</summary>
        <div className="inbox-filter-grid">
          <div>
            <label htmlFor="f-category">{t('aduan.category')}</label>
            <select id="f-category" value={filters.category} onChange={(e) => set({ category: e.target.value })}>
              <option value="">{t('aduan.all')}</option>
              {meta?.categories.map((c) => (
                <option key={c.key} value={c.key}>
                  {c.label[lang]}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="f-place">{t('aduan.place')}</label>
            <select id="f-place" value={filters.placeUnitId} onChange={(e) => set({ placeUnitId: e.target.value })}>
              <option value="">{t('aduan.all')}</option>
              {meta?.places.map((p) => (
                <option key={p.unitId} value={p.unitId}>
                  {p.kind === 'kecamatan' ? t('aduan.kecamatanOf', { name: p.name }) : p.name}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="f-agency">{t('aduan.agency')}</label>
            <select id="f-agency" value={filters.agencyUnitId} onChange={(e) => set({ agencyUnitId: e.target.value })}>
              <option value="">{t('aduan.all')}</option>
              {meta?.agencies.map((a) => (
                <option key={a.unitId} value={a.unitId}>
                  {a.name}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="f-platform">{t('aduan.platform')}</label>
            <select id="f-platform" value={filters.platform} onChange={(e) => set({ platform: e.target.value })}>
              <option value="">{t('aduan.all')}</option>
              {PLATFORMS.map((p) => (
                <option key={p} value={p}>
                  {PLATFORM_NAMES[p] ?? p}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="f-status">{t('aduan.statusLabel')}</label>
            <select id="f-status" value={filters.status} onChange={(e) => set({ status: e.target.value })}>
              <option value="">{t('aduan.all')}</option>
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`aduan.status.${s}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="inline-check">
            <input id="f-overdue" type="checkbox" checked={filters.overdue} onChange={(e) => set({ overdue: e.target.checked })} />
            <label htmlFor="f-overdue">{t('aduan.onlyOverdue')}</label>
          </div>
        </div>
      </details>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {data && <p className="muted">{t('aduan.count', { count: data.total })}</p>}
      {data && data.items.length === 0 && <p className="notice">{t('aduan.none')}</p>}
      {data && data.items.length > 0 && (
        <ul className="ticket-list">
          {data.items.map((ticket) => (
            <TicketCard key={`${ticket.id}:${ticket.version}`} ticket={ticket} meta={meta} onChanged={() => void load()} />
          ))}
        </ul>
      )}
      {data && data.total > PAGE && (
        <div className="row-actions">
          <button type="button" className="secondary" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
            {t('aduan.newer')}
          </button>
          <button type="button" className="secondary" disabled={offset + PAGE >= data.total} onClick={() => setOffset(offset + PAGE)}>
            {t('aduan.older')}
          </button>
        </div>
      )}
    </section>
  );
}
