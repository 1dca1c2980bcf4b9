import { FormEvent, MouseEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { useMe } from '../auth/session';
import { navigate } from '../router';
import { PLATFORM_NAMES, Pillar, Unit, formatWhen, loadPillars, loadUnits, pillarName } from './content/api';
import { postDetailPath } from './publishing/publishing-api';
import './content/content.css';
import './posts.css';

interface PostSummary {
  id: string;
  unitId: string;
  unitName: string;
  pillar: string;
  status: string;
  scheduledAt: string | null;
  timeZone: string;
  excerpt: string;
  platforms: string[];
}

interface PostPage {
  items: PostSummary[];
  total: number;
  page: number;
  pageSize: number;
}

interface Filters {
  status: string;
  pillar: string;
  unitId: string;
  q: string;
  page: number;
}

const PAGE_SIZE = 25;
const STATUSES = ['draft', 'in_review', 'changes_requested', 'approved', 'scheduled', 'publishing', 'published', 'partially_failed', 'failed', 'cancelled'];
/** Posts the composer can still change (it opens an existing post with /posts/new?id=…). */
const EDITABLE = ['draft', 'changes_requested'];
const FILTER_KEYS = ['status', 'pillar', 'unitId', 'q'] as const;

function readFilters(): Filters {
  const s = new URLSearchParams(location.search);
  const page = Number(s.get('page'));
  return {
    status: s.get('status') ?? '',
    pillar: s.get('pillar') ?? '',
    unitId: s.get('unitId') ?? '',
    q: s.get('q') ?? '',
    page: Number.isInteger(page) && page > 1 ? page : 1,
  };
}

function toQuery(f: Filters): URLSearchParams {
  const s = new URLSearchParams();
  for (const k of FILTER_KEYS) if (f[k]) s.set(k, f[k]);
  if (f.page > 1) s.set('page', String(f.page));
  return s;
}

/** "24 Nov 2026, 09.00": the compact date of tables, in the post's own zone (ui-copy). */
function formatCompact(iso: string, timeZone: string, lng: string): string {
  return new Intl.DateTimeFormat(lng === 'en' ? 'en-GB' : 'id-ID', {
    timeZone,
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
}

/** Plain links that the console's small router follows without reloading the page. */
function follow(to: string) {
  return (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(to);
  };
}

/** The caller's posts: filters kept in the address (so a link can be shared), pages of 25, links to detail and composer. */
export function PostsPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const canCompose = me.memberships.some((m) => m.role === 'admin');
  const [filters, setFilters] = useState<Filters>(readFilters);
  const [search, setSearch] = useState(filters.q);
  const [units, setUnits] = useState<Unit[]>([]);
  const [pillars, setPillars] = useState<Pillar[]>([]);
  const [data, setData] = useState<PostPage | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void loadUnits().then(setUnits, () => setUnits([]));
    void loadPillars().then(setPillars, () => setPillars([]));
    const onPop = () => {
      if (location.pathname !== '/posts') return;
      const next = readFilters();
      setFilters(next);
      setSearch(next.q);
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  useEffect(() => {
    let live = true;
    setLoading(true);
    const query = toQuery(filters);
    query.set('pageSize', String(PAGE_SIZE));
    api<PostPage>(`/v1/posts?${query}`).then(
      (res) => {
        if (!live) return;
        setData(res);
        setError(null);
        setLoading(false);
      },
      (e: Error) => {
        if (!live) return;
        setError(e.message);
        setLoading(false);
      },
    );
    return () => {
      live = false;
    };
  }, [filters]);

  /** Applies filters and writes them to the address bar; a new filter starts at page 1. */
  const apply = (patch: Partial<Filters>) => {
    const next = { ...filters, page: 1, ...patch };
    const qs = toQuery(next).toString();
    const url = `/posts${qs ? `?${qs}` : ''}`;
    if (url !== location.pathname + location.search) history.pushState(null, '', url);
    setFilters(next);
  };
  const submitSearch = (e: FormEvent) => {
    e.preventDefault();
    apply({ q: search.trim() });
  };
  const filtered = FILTER_KEYS.some((k) => filters[k]);
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  const lng = i18n.language;
  const pillarLabel = (key: string) =>
    pillarName(
      pillars.find((p) => p.key === key),
      key,
      lng,
    );

  return (
    <section aria-labelledby="posts-title">
      <h1 id="posts-title">{t('posts.title')}</h1>
      <p className="muted">{t('posts.lead')}</p>
      {canCompose && (
        <p>
          <a href="/posts/new" className="button secondary" onClick={follow('/posts/new')}>
            {t('posts.new')}
          </a>
        </p>
      )}

      <form className="toolbar posts-filters" role="search" aria-label={t('posts.filters.label')} onSubmit={submitSearch}>
        <div className="field">
          <label htmlFor="posts-status">{t('posts.filters.status')}</label>
          <select id="posts-status" className="narrow" value={filters.status} onChange={(e) => apply({ status: e.target.value })}>
            <option value="">{t('posts.filters.all')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`content.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="posts-pillar">{t('posts.filters.pillar')}</label>
          <select id="posts-pillar" className="narrow" value={filters.pillar} onChange={(e) => apply({ pillar: e.target.value })}>
            <option value="">{t('posts.filters.all')}</option>
            {pillars.map((p) => (
              <option key={p.key} value={p.key}>
                {pillarName(p, p.key, lng)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="posts-unit">{t('posts.filters.unit')}</label>
          <select id="posts-unit" className="narrow" value={filters.unitId} onChange={(e) => apply({ unitId: e.target.value })}>
            <option value="">{t('posts.filters.allUnits')}</option>
            {units.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="posts-q">{t('posts.filters.search')}</label>
          <input id="posts-q" type="search" maxLength={200} value={search} onChange={(e) => setSearch(e.target.value)} />
        </div>
        <button type="submit" className="secondary">
          {t('posts.filters.searchButton')}
        </button>
        {filtered && (
          <button
            type="button"
            className="link"
            onClick={() => {
              setSearch('');
              apply({ status: '', pillar: '', unitId: '', q: '' });
            }}
          >
            {t('posts.filters.reset')}
          </button>
        )}
      </form>

      <div aria-live="polite" aria-busy={loading}>
        {error && (
          <p className="error" role="alert">
            {t('posts.loadError', { message: error })}
          </p>
        )}
        {loading && !data && <p className="muted">{t('posts.loading')}</p>}
        {data && !error && <p className="muted">{t('posts.total', { count: data.total })}</p>}
        {data && !error && data.items.length === 0 && <p>{filtered ? t('posts.emptyFiltered') : t('posts.empty')}</p>}
      </div>

      {data && data.items.length > 0 && (
        <div className="table-wrap">
          <table className="posts-table">
            <caption className="visually-hidden">{t('posts.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('posts.columns.excerpt')}</th>
                <th scope="col">{t('posts.columns.unit')}</th>
                <th scope="col">{t('posts.columns.pillar')}</th>
                <th scope="col">{t('posts.columns.status')}</th>
                <th scope="col">{t('posts.columns.scheduledAt')}</th>
                <th scope="col">{t('posts.columns.platforms')}</th>
                <th scope="col">{t('posts.columns.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((p) => {
                const excerpt = p.excerpt.replace(/\s+/g, ' ').trim() || t('posts.untitled');
                const short = excerpt.length > 90 ? `${excerpt.slice(0, 90)}…` : excerpt;
                return (
                  <tr key={p.id}>
                    <th scope="row" className="posts-excerpt">
                      <a href={postDetailPath(p.id)} onClick={follow(postDetailPath(p.id))}>
                        {short}
                      </a>
                    </th>
                    <td>{p.unitName}</td>
                    <td>{pillarLabel(p.pillar)}</td>
                    <td>
                      <span className={`badge post-status post-status-${p.status}`}>{t(`content.status.${p.status}`, { defaultValue: p.status })}</span>
                    </td>
                    <td>
                      {p.scheduledAt ? (
                        <time dateTime={p.scheduledAt} title={formatWhen(p.scheduledAt, p.timeZone, lng)}>
                          {formatCompact(p.scheduledAt, p.timeZone, lng)}
                        </time>
                      ) : (
                        <span className="muted">{t('posts.notScheduled')}</span>
                      )}
                    </td>
                    <td>
                      {p.platforms?.length ? (
                        p.platforms.map((x) => PLATFORM_NAMES[x] ?? x).join(', ')
                      ) : (
                        <span className="muted">{t('posts.noPlatforms')}</span>
                      )}
                    </td>
                    <td>
                      {canCompose && EDITABLE.includes(p.status) && (
                        <a
                          href={`/posts/new?id=${encodeURIComponent(p.id)}`}
                          aria-label={t('posts.editLabel', { excerpt: short })}
                          onClick={follow(`/posts/new?id=${encodeURIComponent(p.id)}`)}
                        >
                          {t('posts.edit')}
                        </a>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}

      {data && data.total > data.pageSize && (
        <nav className="toolbar posts-pagination" aria-label={t('posts.pagination.label')}>
          <button type="button" className="secondary" disabled={filters.page <= 1} onClick={() => apply({ page: filters.page - 1 })}>
            {t('posts.pagination.previous')}
          </button>
          <span aria-current="page">{t('posts.pagination.page', { page: filters.page, pages })}</span>
          <button type="button" className="secondary" disabled={filters.page >= pages} onClick={() => apply({ page: filters.page + 1 })}>
            {t('posts.pagination.next')}
          </button>
        </nav>
      )}
    </section>
  );
}
