import { useTranslation } from 'react-i18next';
import { BestTimeCell, Query, useReport } from './analytics-api';
import { BestTimeHeatmap } from './BestTimeHeatmap';
import { ReportSection } from './ReportSection';

export function BestTimeSection({ query }: { query: Query }) {
  const { t } = useTranslation();
  const loaded = useReport<BestTimeCell>('best-time', query);
  return (
    <ReportSection
      id="best-time-title"
      title={t('analytics.bestTime.title')}
      lead={t('analytics.bestTime.lead')}
      report="best-time"
      query={query}
      loaded={loaded}
      empty={t('analytics.bestTime.empty')}
    >
      {(rows) => <BestTimeHeatmap cells={rows} />}
    </ReportSection>
  );
}
