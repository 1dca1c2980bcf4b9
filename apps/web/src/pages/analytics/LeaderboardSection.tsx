import { useTranslation } from 'react-i18next';
import { LeaderboardRow, useReport } from './analytics-api';
import { formatChangePct, formatCompactTime, formatInt, formatRate } from './format';
import { Period } from './period';
import { RankChange } from './RankChange';
import { ReportSection } from './ReportSection';
import { Dir, SortHeader } from './SortHeader';

/** The city's tabs (and the fallback); a province or the country shows its own levels (scope.ts leaderboardKinds). */
export const LEADERBOARD_KINDS = ['kelurahan', 'kecamatan', 'opd', 'bumd', 'puskesmas'] as const;

/** The API ranks by the chosen column (default: growth, highest first); the rank column follows it. */
export const DEFAULT_SORT = 'followersGrowthPct';

const COLUMNS: Array<{ key: keyof LeaderboardRow; numeric?: boolean }> = [
  { key: 'unitName' },
  { key: 'followers', numeric: true },
  { key: 'followersGrowthPct', numeric: true },
  { key: 'engagementRate', numeric: true },
  { key: 'postsPublished', numeric: true },
  { key: 'consistencyWeeks', numeric: true },
  { key: 'lastPostAt' },
  { key: 'programShare', numeric: true },
];

interface Props {
  /** The selected unit: its row is highlighted. */
  unitId: string;
  parentId?: string;
  period: Period;
  kind: string;
  /** The tabs: the levels that exist under the parent. */
  kinds?: readonly string[];
  sort: string;
  dir: Dir;
  onChange(patch: { kind?: string; sort?: string; dir?: Dir }): void;
}

/** Units of one kind ranked by the API; tabs per kind, and each column header re-sorts on the server. */
export function LeaderboardSection({ unitId, parentId, period, kind, kinds = LEADERBOARD_KINDS, sort, dir, onChange }: Props) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const query = { parentId, kind, sort: sort || undefined, dir: sort ? dir : undefined, ...period };
  const loaded = useReport<LeaderboardRow>('leaderboard', query);
  const tabs = (
    <div className="tabs" role="tablist" aria-label={t('analytics.leaderboard.kinds')}>
      {kinds.map((k) => (
        <button key={k} type="button" role="tab" className={k === kind ? 'tab active' : 'tab'} aria-selected={k === kind} onClick={() => onChange({ kind: k })}>
          {t(`analytics.kinds.${k}`)}
        </button>
      ))}
    </div>
  );
  return (
    <ReportSection
      pageSize={10}
      id="leaderboard-title"
      title={t('analytics.leaderboard.title')}
      lead={t('analytics.leaderboard.lead')}
      report="leaderboard"
      query={query}
      loaded={loaded}
      empty={t('analytics.leaderboard.empty')}
      controls={tabs}
    >
      {(rows) => (
        <div className="table-wrap">
          <table className="leaderboard">
            <thead>
              <tr>
                <th scope="col" className="num">
                  {t('analytics.leaderboard.columns.rank')}
                </th>
                {COLUMNS.map((c) => (
                  <SortHeader
                    key={c.key}
                    column={c.key}
                    label={t(`analytics.leaderboard.columns.${c.key}`)}
                    sort={sort || DEFAULT_SORT}
                    dir={sort ? dir : 'desc'}
                    numeric={c.numeric}
                    onSort={(s, d) => onChange({ sort: s, dir: d })}
                  />
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.unitId} className={r.unitId === unitId ? 'mine' : undefined} data-unit={r.unitId}>
                  <td className="num">
                    <span className="rank">{r.rank}</span> <RankChange change={r.rankChange} previous={r.previousRank} />
                  </td>
                  <th scope="row">{r.unitName}</th>
                  <td className="num">{formatInt(r.followers, lng)}</td>
                  <td className="num">{formatChangePct(r.followersGrowthPct, lng)}</td>
                  <td className="num">{formatRate(r.engagementRate, lng, 2)}</td>
                  <td className="num">{formatInt(r.postsPublished, lng)}</td>
                  <td className="num">{t('analytics.leaderboard.weeksOf', { n: r.consistencyWeeks, total: r.weeks })}</td>
                  <td>{r.lastPostAt ? formatCompactTime(r.lastPostAt, lng) : t('analytics.leaderboard.never')}</td>
                  <td className="num">{formatRate(r.programShare, lng)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </ReportSection>
  );
}
