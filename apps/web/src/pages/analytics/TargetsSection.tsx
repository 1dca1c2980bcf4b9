import { useTranslation } from 'react-i18next';
import { TargetRow, useReport } from './analytics-api';
import { formatMonth } from './format';
import { ReportSection } from './ReportSection';
import { TargetsTable } from './TargetsTable';

/** Targets of the month the range ends in. */
export function TargetsSection({ unitId, month, canEdit }: { unitId: string; month: string; canEdit(unitId: string): boolean }) {
  const { t, i18n } = useTranslation();
  const query = { unitId, month };
  const loaded = useReport<TargetRow>('targets', query);
  return (
    <ReportSection
      id="targets-title"
      title={t('analytics.targets.title', { month: formatMonth(`${month}-01`, i18n.language) })}
      report="targets"
      query={query}
      loaded={loaded}
      empty={t('analytics.targets.empty')}
    >
      {(rows) => <TargetsTable rows={rows} month={month} canEdit={canEdit} onSaved={loaded.reload} />}
    </ReportSection>
  );
}
