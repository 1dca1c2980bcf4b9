import { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Loaded, Query, Report } from './analytics-api';
import { ExportLinks } from './ExportLinks';

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
}

/** One report on the analytics page: its title, export links, and its rows once loaded (or why there are none). */
export function ReportSection<R>({ id, title, lead, report, query, loaded, empty, controls, children }: Props<R>) {
  const { t } = useTranslation();
  const rows = loaded.data?.rows ?? [];
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
      {loaded.data && rows.length > 0 && children(rows)}
    </section>
  );
}
