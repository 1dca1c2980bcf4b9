import { useTranslation } from 'react-i18next';
import { PLATFORM_NAMES } from '../../ui/format';
import { EngagementRow, FollowerPoint, useReport } from './analytics-api';
import { FollowerChart } from './charts';
import { GrowthStats } from './GrowthStats';
import { Granularity, GRANULARITIES, Period } from './period';
import { ReportSection } from './ReportSection';

export const SCOPES = ['subtree', 'unit', 'account'] as const;
export type Scope = (typeof SCOPES)[number];

interface Props {
  unitId: string;
  period: Period;
  granularity: Granularity;
  scope: Scope;
  accountId: string;
  /** The unit's accounts (from the engagement report), to chart one of them. */
  accounts: EngagementRow[];
  onChange(patch: { scope?: Scope; accountId?: string; granularity?: Granularity }): void;
}

/** Growth over the range from the first and the last bucket with data (the README's definition). */
function growthOf(rows: FollowerPoint[]) {
  const known = rows.filter((r) => r.followers !== null);
  if (!known.length) return null;
  const first = known[0].followers!;
  const last = known[known.length - 1].followers!;
  return { last, netNew: last - first, pct: first ? ((last - first) / first) * 100 : null };
}

/** Follower growth of the unit's subtree, its own accounts, or one account: summary, chart, granularity. */
export function FollowerGrowthSection({ unitId, period, granularity, scope, accountId, accounts, onChange }: Props) {
  const { t } = useTranslation();
  const byAccount = scope === 'account' && accountId;
  const query = { scope: byAccount ? 'account' : scope === 'account' ? 'subtree' : scope, id: byAccount ? accountId : unitId, granularity, ...period };
  const loaded = useReport<FollowerPoint>('followers', query);
  const controls = (
    <div className="report-controls">
      <div>
        <label htmlFor="followers-scope">{t('analytics.followers.scope')}</label>
        <select id="followers-scope" value={scope} onChange={(e) => onChange({ scope: e.target.value as Scope })}>
          {SCOPES.map((s) => (
            <option key={s} value={s}>
              {t(`analytics.followers.scopes.${s}`)}
            </option>
          ))}
        </select>
      </div>
      {scope === 'account' && (
        <div>
          <label htmlFor="followers-account">{t('analytics.followers.account')}</label>
          <select id="followers-account" value={accountId} onChange={(e) => onChange({ accountId: e.target.value })}>
            <option value="">{t('analytics.followers.chooseAccount')}</option>
            {accounts.map((a) => (
              <option key={a.accountId} value={a.accountId}>
                {PLATFORM_NAMES[a.platform] ?? a.platform} · {a.handle ?? a.accountId} ({a.unitName})
              </option>
            ))}
          </select>
        </div>
      )}
      <div role="group" aria-label={t('analytics.granularity.label')} className="segmented">
        {GRANULARITIES.map((g) => (
          <button key={g} type="button" aria-pressed={granularity === g} onClick={() => onChange({ granularity: g })}>
            {t(`analytics.granularity.${g}`)}
          </button>
        ))}
      </div>
    </div>
  );
  return (
    <ReportSection
      id="followers-title"
      title={t('analytics.followers.title')}
      report="followers"
      query={query}
      loaded={loaded}
      empty={t('analytics.followers.empty')}
      controls={controls}
    >
      {(rows) => {
        const g = growthOf(rows);
        return (
          <>
            {g && <GrowthStats followers={g.last} netNew={g.netNew} pct={g.pct} followersTestId="followers-current" />}
            <FollowerChart rows={rows} granularity={granularity} />
          </>
        );
      }}
    </ReportSection>
  );
}
