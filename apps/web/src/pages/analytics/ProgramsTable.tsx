import { useTranslation } from 'react-i18next';
import { ProgramRow } from './analytics-api';
import { formatInt, formatRate } from './format';

/** Priority programs: how many posts carried each and what they earned. */
export function ProgramsTable({ rows }: { rows: ProgramRow[] }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">{t('analytics.programs.name')}</th>
            <th scope="col" className="num">
              {t('analytics.programs.posts')}
            </th>
            <th scope="col" className="num">
              {t('analytics.programs.reach')}
            </th>
            <th scope="col" className="num">
              {t('analytics.programs.interactions')}
            </th>
            <th scope="col" className="num">
              {t('analytics.programs.rate')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((p) => (
            <tr key={p.programId}>
              <th scope="row">{p.name}</th>
              <td className="num">{formatInt(p.posts, lng)}</td>
              <td className="num">{formatInt(p.reach, lng)}</td>
              <td className="num">{formatInt(p.interactions, lng)}</td>
              <td className="num">{formatRate(p.engagementRate, lng, 2)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
