import { useTranslation } from 'react-i18next';
import { PLATFORM_NAMES } from '../../ui/format';
import { EngagementRow, Loaded, Query, Report } from './analytics-api';
import { countColumn, rateColumn } from './report-columns';
import { ReportSection } from './ReportSection';
import { Column, ReportTable } from './ReportTable';

/** Interactions and engagement rate per account of the unit over the range. */
export function EngagementSection({ query, loaded }: { query: Query; loaded: Loaded<Report<EngagementRow>> }) {
  const { t } = useTranslation();
  const columns: Column<EngagementRow>[] = [
    {
      label: t('analytics.engagement.account'),
      cell: (r) => (
        <>
          {PLATFORM_NAMES[r.platform] ?? r.platform} · {r.handle ?? '–'}
        </>
      ),
    },
    { label: t('analytics.unit'), cell: (r) => r.unitName },
    countColumn(t('analytics.engagement.followers'), (r) => r.followers),
    countColumn(t('analytics.engagement.posts'), (r) => r.posts),
    countColumn(t('analytics.engagement.interactions'), (r) => r.interactions),
    rateColumn(t('analytics.engagement.rate'), (r) => r.engagementRate),
  ];
  return (
    <ReportSection
      pageSize={10}
      id="engagement-title"
      title={t('analytics.engagement.title')}
      lead={t('analytics.engagement.lead')}
      report="engagement"
      query={query}
      loaded={loaded}
      empty={t('analytics.engagement.empty')}
    >
      {(rows) => <ReportTable rows={rows} columns={columns} rowKey={(r) => r.accountId} />}
    </ReportSection>
  );
}
