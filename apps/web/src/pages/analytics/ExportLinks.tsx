import { useTranslation } from 'react-i18next';
import { Query, reportHref } from './analytics-api';

/** "Ekspor CSV" / "Ekspor XLSX" (and PDF where the report has one): plain links, the cookie authenticates them. */
export function ExportLinks({
  report,
  query,
  title,
  formats = ['csv', 'xlsx'],
}: {
  report: string;
  query: Query;
  title: string;
  formats?: Array<'csv' | 'xlsx' | 'pdf'>;
}) {
  const { t } = useTranslation();
  return (
    <span className="export-links">
      {formats.map((f) => (
        <a
          key={f}
          className="button secondary small"
          href={reportHref(report, query, f)}
          download
          aria-label={t('analytics.export.label', { format: f.toUpperCase(), report: title })}
        >
          {t('analytics.export.button', { format: f.toUpperCase() })}
        </a>
      ))}
    </span>
  );
}
