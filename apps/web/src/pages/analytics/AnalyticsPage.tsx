import { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../auth/session';
import { navigate } from '../../router';
import { Deferred } from '../../ui/Deferred';
import { AnalyticsFilters } from './AnalyticsFilters';
import { EngagementRow, useReport } from './analytics-api';
import { BestTimeSection } from './BestTimeSection';
import { EngagementSection } from './EngagementSection';
import { FollowerGrowthSection, SCOPES, Scope } from './FollowerGrowthSection';
import { InactiveSection } from './InactiveSection';
import { LeaderboardSection } from './LeaderboardSection';
import { PillarsSection } from './charts';
import { ProgramsSection } from './ProgramsSection';
import { GRANULARITIES, Granularity, RANGES, RangeKind, defaultGranularity, periodOf } from './period';
import { defaultKind, leaderboardKinds, leaderboardParent } from './scope';
import { TargetsSection } from './TargetsSection';
import { TopPostsSection } from './TopPostsSection';
import { canEditTargets, useScopeUnits } from './units';
import { useSearchState } from './use-search-state';
import { Dir } from './SortHeader';
import './analytics.css';

const KEYS = ['unitId', 'range', 'from', 'to', 'granularity', 'scope', 'accountId', 'kind', 'sort', 'dir'] as const;

export const monthlyPath = (unitId: string, month: string) => `/analytics/monthly?unitId=${encodeURIComponent(unitId)}&month=${month}`;

function pick<T extends string>(value: string, allowed: readonly T[], fallback: T): T {
  return (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

/** Diskominfo's main view: one unit (default: the user's top unit) over a range, every report of libs/analytics. */
export function AnalyticsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const scope = useScopeUnits();
  const [s, set] = useSearchState(KEYS);
  const unitId = s.unitId || scope.top?.id || '';
  const unit = scope.byId.get(unitId);
  const range = pick<RangeKind>(s.range, RANGES, 'this_month');
  const period = periodOf(range, { from: s.from, to: s.to });
  const granularity = pick<Granularity>(s.granularity, GRANULARITIES, defaultGranularity(period));
  const month = period.to.slice(0, 7);
  const outOfScope = !!unitId && scope.units.length > 0 && !unit;
  const query = { unitId, ...period };
  const engagement = useReport<EngagementRow>('engagement', query, !unit);

  const openMonthly = (e: MouseEvent<HTMLAnchorElement>) => {
    e.preventDefault();
    navigate(monthlyPath(unitId, month));
  };

  return (
    <section aria-labelledby="analytics-title" className="analytics">
      <div className="page-head">
        <h1 id="analytics-title">{t('analytics.title')}</h1>
        {unit && (
          <a className="button secondary" href={monthlyPath(unitId, month)} onClick={openMonthly}>
            {t('analytics.monthly.open')}
          </a>
        )}
      </div>
      <p className="lead">{t('analytics.lead')}</p>
      {scope.error && (
        <p role="alert" className="error">
          {scope.error}
        </p>
      )}
      <AnalyticsFilters
        units={scope.units}
        unitId={unitId}
        range={range}
        period={period}
        onChange={(p) => set({ ...p, ...(p.unitId ? { accountId: '' } : {}), ...(p.range === 'custom' ? { from: period.from, to: period.to } : {}) })}
      />
      {outOfScope && (
        <p role="alert" className="error" data-testid="analytics-not-found">
          {t('analytics.notFound')}
        </p>
      )}
      {unit && (
        <>
          <FollowerGrowthSection
            unitId={unitId}
            period={period}
            granularity={granularity}
            scope={pick<Scope>(s.scope, SCOPES, 'subtree')}
            accountId={s.accountId}
            accounts={engagement.data?.rows ?? []}
            onChange={set}
          />
          <LeaderboardSection
            unitId={unitId}
            parentId={leaderboardParent(unit, scope.units, scope.byId)}
            period={period}
            kind={s.kind || defaultKind(unit, scope.units)}
            kinds={leaderboardKinds(leaderboardParent(unit, scope.units, scope.byId), scope.units)}
            sort={s.sort}
            dir={s.dir === 'asc' ? 'asc' : 'desc'}
            onChange={(p: { kind?: string; sort?: string; dir?: Dir }) => set(p.kind ? { kind: p.kind, sort: '', dir: '' } : p)}
          />
          {/* below the first screen: mounted (and fetched) when scrolled near, or just after the first screen */}
          <Deferred delay={2000}>
            <EngagementSection query={query} loaded={engagement} />
          </Deferred>
          <Deferred delay={2000}>
            <TopPostsSection query={query} />
            <div className="report-pair">
              <PillarsSection query={query} />
              <ProgramsSection query={query} />
            </div>
          </Deferred>
          <Deferred delay={2500}>
            <BestTimeSection query={{ unitId }} />
            <InactiveSection query={{ unitId }} />
            <TargetsSection unitId={unitId} month={month} canEdit={(id) => canEditTargets(me, id, scope.byId)} />
          </Deferred>
        </>
      )}
    </section>
  );
}
