import { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PLATFORM_NAMES } from '../../ui/format';
import { navigate } from '../../router';
import { InactiveRow, Query, useReport } from './analytics-api';
import { formatCompactTime } from './format';
import { ReportSection } from './ReportSection';

/** Days without a post that make an account inactive. */
const DAYS = 7;
const accountsPath = (unitId: string) => `/accounts?unitId=${encodeURIComponent(unitId)}`;

/** Accounts without posts for a week, needing reconnection, or disabled: who to call before the meeting. */
export function InactiveSection({ query }: { query: Query }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const q = { ...query, days: DAYS };
  const loaded = useReport<InactiveRow>('inactive', q);
  const open = (to: string) => (e: MouseEvent<HTMLAnchorElement>) => {
    e.preventDefault();
    navigate(to);
  };
  return (
    <ReportSection
      pageSize={10}
      id="inactive-title"
      title={t('analytics.inactive.title')}
      lead={t('analytics.inactive.lead', { days: DAYS })}
      report="inactive"
      query={q}
      loaded={loaded}
      empty={t('analytics.inactive.empty')}
    >
      {(rows) => (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('analytics.inactive.account')}</th>
                <th scope="col">{t('analytics.unit')}</th>
                <th scope="col">{t('analytics.inactive.reason')}</th>
                <th scope="col">{t('analytics.inactive.lastPost')}</th>
                <th scope="col">{t('analytics.inactive.action')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.accountId} data-reason={r.reason}>
                  <th scope="row">
                    {PLATFORM_NAMES[r.platform] ?? r.platform} · {r.handle ?? '–'}
                  </th>
                  <td>{r.unitName}</td>
                  <td className={`status status-${r.reason === 'no_posts' ? 'idle' : r.reason}`}>{t(`analytics.inactive.reasons.${r.reason}`)}</td>
                  <td>
                    {r.lastPostAt ? formatCompactTime(r.lastPostAt, lng) : t('analytics.inactive.never')}
                    {r.daysSincePost !== null && <span className="muted"> ({t('analytics.inactive.daysAgo', { count: r.daysSincePost })})</span>}
                  </td>
                  <td>
                    {r.reason === 'needs_reconnect' && (
                      <a href={accountsPath(r.unitId)} onClick={open(accountsPath(r.unitId))}>
                        {t('analytics.inactive.reconnect')}
                      </a>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </ReportSection>
  );
}
