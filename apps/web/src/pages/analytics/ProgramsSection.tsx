import { useTranslation } from 'react-i18next';
import { ProgramRow, Query, useReport } from './analytics-api';
import { ProgramsTable } from './ProgramsTable';
import { ReportSection } from './ReportSection';

export function ProgramsSection({ query }: { query: Query }) {
  const { t } = useTranslation();
  const loaded = useReport<ProgramRow>('programs', query);
  return (
    <ReportSection
      id="programs-title"
      title={t('analytics.programs.title')}
      report="programs"
      query={query}
      loaded={loaded}
      empty={t('analytics.programs.empty')}
    >
      {(rows) => <ProgramsTable rows={rows} />}
    </ReportSection>
  );
}
