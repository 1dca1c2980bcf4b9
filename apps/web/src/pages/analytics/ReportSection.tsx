import { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Loaded, Query, Report } from './analytics-api';
import { ExportLinks } from './ExportLinks';
import { Pager, usePaged } from '../../ui/Pager';

interface Props<R> {
  id: string;
  title: string;
  lead?: string;
  /** The report's path under /api/v1/analytics, for the export links; none = no export. */
  report?: string;
  query: Query;
  loaded: Loaded<Report<R>>;
  empty: string;
  /** Controls shown between the title and the content (tabs, pickers). */
  controls?: ReactNode;
  children: (rows: R[]) => ReactNode;
  /** Long lists: this many rows at a time, with a pager (the export links still give every row). */
  pageSize?: number;
}

/** One report on the analytics page: its title, export links, and its rows once loaded (or why there are none). */
export function ReportSection<R>({ id, title, lead, report, query, loaded, empty, controls, children, pageSize }: Props<R>) {
  const { t } = useTranslation();
  const rows = loaded.data?.rows ?? [];
  const paged = usePaged(rows, pageSize ?? Math.max(1, rows.length));
  return (
    <section className="panel report" aria-labelledby={id} data-testid={id}>
      <div className="report-head">
        <h2 id={id}>{title}</h2>
        {report && <ExportLinks report={report} query={query} title={title} />}
      </div>
      {lead && <p className="muted">{lead}</p>}
      {controls}
      {loaded.loading && !loaded.data && <p aria-live="polite">{t('common.loading')}</p>}
      {loaded.error && (
        <p role="alert" className="error">
          {loaded.notFound ? t('analytics.notAvailable') : loaded.error}
        </p>
      )}
      {loaded.data && rows.length === 0 && <p className="notice">{empty}</p>}
      {loaded.data && rows.length > 0 && children(pageSize ? paged.rows : rows)}
      {loaded.data && pageSize && <Pager page={paged.page} pages={paged.pages} setPage={paged.setPage} />}
    </section>
  );
}
