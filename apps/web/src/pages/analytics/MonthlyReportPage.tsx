import { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate } from '../../router';
import { reportHref, useApi } from './analytics-api';
import { FollowerChart } from './FollowerChart';
import { formatInt, formatMonth } from './format';
import { GrowthStats } from './GrowthStats';
import { MonthlyReport } from './monthly-types';
import { MonthlySection } from './MonthlySection';
import { monthStart, today } from './period';
import { ProgramsTable } from './ProgramsTable';
import { RankChange } from './RankChange';
import { TargetsTable } from './TargetsTable';
import { TopPostsList } from './TopPostsList';
import { useScopeUnits } from './units';
import { UnitPicker } from './UnitPicker';
import { useSearchState } from './use-search-state';
import './analytics.css';

/** The monthly composite as a printable A4 page: Cetak prints it, Unduh PDF takes the server's PDF. */
export function MonthlyReportPage() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const scope = useScopeUnits();
  const [s, set] = useSearchState(['unitId', 'month'] as const);
  const unitId = s.unitId || scope.top?.id || '';
  const month = /^\d{4}-\d{2}$/.test(s.month) ? s.month : monthStart(today()).slice(0, 7);
  const query = { unitId, month };
  const loaded = useApi<MonthlyReport>('/v1/analytics/monthly', query, !unitId);
  const r = loaded.data;
  const back = (e: MouseEvent<HTMLAnchorElement>) => {
    e.preventDefault();
    navigate(`/analytics?unitId=${encodeURIComponent(unitId)}&range=custom&from=${month}-01&to=${r?.meta.to ?? `${month}-28`}`);
  };

  return (
    <article className="monthly-report" aria-labelledby="monthly-title">
      <div className="no-print">
        <a href="/analytics" onClick={back}>
          {t('analytics.monthly.back')}
        </a>
        <div className="analytics-filters">
          <UnitPicker units={scope.units} value={unitId} onChange={(id) => set({ unitId: id })} />
          <div>
            <label htmlFor="monthly-month">{t('analytics.monthly.month')}</label>
            <input id="monthly-month" type="month" value={month} onChange={(e) => e.target.value && set({ month: e.target.value })} />
          </div>
          <div className="row-actions">
            <button type="button" className="primary" onClick={() => window.print()} disabled={!r}>
              {t('analytics.monthly.print')}
            </button>
            <a className="button secondary" href={reportHref('monthly', query, 'pdf')} download>
              {t('analytics.monthly.pdf')}
            </a>
          </div>
        </div>
      </div>
      <header>
        <h1 id="monthly-title">{t('analytics.monthly.title', { month: formatMonth(`${month}-01`, lng) })}</h1>
        {r && <p className="lead">{t('analytics.monthly.subtitle', { unit: r.meta.unitName })}</p>}
      </header>
      {loaded.loading && <p aria-live="polite">{t('common.loading')}</p>}
      {loaded.error && (
        <p role="alert" className="error" data-testid="analytics-not-found">
          {loaded.notFound ? t('analytics.notFound') : loaded.error}
        </p>
      )}
      {r && (
        <>
          <MonthlySection id="monthly-growth" title={t('analytics.monthly.growth')}>
            <GrowthStats followers={r.growth.followers} netNew={r.growth.netNew} pct={r.growth.growthPct}>
              {r.leaderboard && (
                <div>
                  <dt>{t('analytics.monthly.position', { kind: t(`analytics.kinds.${r.leaderboard.kind}`), parent: r.leaderboard.parentName })}</dt>
                  <dd>
                    {t('analytics.monthly.rankOf', { rank: r.leaderboard.rank, of: r.leaderboard.of })}{' '}
                    <RankChange change={r.leaderboard.rankChange} previous={r.leaderboard.previousRank} />
                  </dd>
                </div>
              )}
              <div>
                <dt>{t('analytics.monthly.inactive')}</dt>
                <dd>{formatInt(r.inactiveAccounts, lng)}</dd>
              </div>
            </GrowthStats>
            {r.daily.length > 0 && <FollowerChart rows={r.daily} granularity="day" />}
          </MonthlySection>
          <MonthlySection id="monthly-top-posts" title={t('analytics.topPosts.title')}>
            {r.topPosts.length ? <TopPostsList rows={r.topPosts} /> : <p>{t('analytics.topPosts.empty')}</p>}
          </MonthlySection>
          <MonthlySection id="monthly-programs" title={t('analytics.programs.title')}>
            {r.programs.length ? <ProgramsTable rows={r.programs} /> : <p>{t('analytics.programs.empty')}</p>}
          </MonthlySection>
          <MonthlySection id="monthly-targets" title={t('analytics.targets.heading')}>
            {r.targets ? <TargetsTable rows={[r.targets]} month={month} /> : <p>{t('analytics.targets.empty')}</p>}
          </MonthlySection>
        </>
      )}
    </article>
  );
}
