import { useTranslation } from 'react-i18next';
import { ProgramRow } from './analytics-api';
import { countColumn, rateColumn } from './report-columns';
import { Column, ReportTable } from './ReportTable';

/** Priority programs: how many posts carried each and what they earned. */
export function ProgramsTable({ rows }: { rows: ProgramRow[] }) {
  const { t } = useTranslation();
  const columns: Column<ProgramRow>[] = [
    { label: t('analytics.programs.name'), cell: (p) => p.name },
    countColumn(t('analytics.programs.posts'), (p) => p.posts),
    countColumn(t('analytics.programs.reach'), (p) => p.reach),
    countColumn(t('analytics.programs.interactions'), (p) => p.interactions),
    rateColumn(t('analytics.programs.rate'), (p) => p.engagementRate),
  ];
  return <ReportTable rows={rows} columns={columns} rowKey={(p) => p.programId} />;
}
