import { useTranslation } from 'react-i18next';
import { PLATFORM_NAMES } from '../../../../../libs/i18n/src/formats';
import { EngagementRow, Loaded, Query, Report } from './analytics-api';
import { formatInt, formatRate } from './format';
import { ReportSection } from './ReportSection';

/** Interactions and engagement rate per account of the unit over the range. */
export function EngagementSection({ query, loaded }: { query: Query; loaded: Loaded<Report<EngagementRow>> }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  return (
    <ReportSection
      id="engagement-title"
      title={t('analytics.engagement.title')}
      lead={t('analytics.engagement.lead')}
      report="engagement"
      query={query}
      loaded={loaded}
      empty={t('analytics.engagement.empty')}
    >
      {(rows) => (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('analytics.engagement.account')}</th>
                <th scope="col">{t('analytics.unit')}</th>
                <th scope="col" className="num">
                  {t('analytics.engagement.followers')}
                </th>
                <th scope="col" className="num">
                  {t('analytics.engagement.posts')}
                </th>
                <th scope="col" className="num">
                  {t('analytics.engagement.interactions')}
                </th>
                <th scope="col" className="num">
                  {t('analytics.engagement.rate')}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.accountId}>
                  <th scope="row">
                    {PLATFORM_NAMES[r.platform] ?? r.platform} · {r.handle ?? '–'}
                  </th>
                  <td>{r.unitName}</td>
                  <td className="num">{formatInt(r.followers, lng)}</td>
                  <td className="num">{formatInt(r.posts, lng)}</td>
                  <td className="num">{formatInt(r.interactions, lng)}</td>
                  <td className="num">{formatRate(r.engagementRate, lng, 2)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </ReportSection>
  );
}
