import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { PillarRow, Query, useReport } from './analytics-api';
import { formatCompact, formatInt, formatRate } from './format';
import { ReportSection } from './ReportSection';

/** Interactions per content pillar as horizontal bars (labels stay readable on a phone). */
export function PillarsSection({ query }: { query: Query }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const loaded = useReport<PillarRow>('pillars', query);
  return (
    <ReportSection id="pillars-title" title={t('analytics.pillars.title')} report="pillars" query={query} loaded={loaded} empty={t('analytics.pillars.empty')}>
      {(rows) => (
        <figure className="chart" aria-label={t('analytics.pillars.chartLabel')}>
          <ResponsiveContainer width="100%" height={Math.max(160, rows.length * 44)}>
            <BarChart data={rows} layout="vertical" margin={{ top: 4, right: 16, bottom: 0, left: 0 }}>
              <CartesianGrid stroke="#e3e8e5" horizontal={false} />
              <XAxis type="number" tickFormatter={(v: number) => formatCompact(v, lng)} tickCount={4} tick={{ fontSize: 12 }} allowDecimals={false} />
              <YAxis type="category" dataKey="label" width={110} tick={{ fontSize: 12 }} />
              <Tooltip
                formatter={(v, _n, item) => {
                  const r = item.payload as PillarRow;
                  return [
                    `${formatInt(Number(v), lng)} · ${t('analytics.pillars.postsRate', { posts: formatInt(r.posts, lng), rate: formatRate(r.engagementRate, lng, 2) })}`,
                    t('analytics.pillars.interactions'),
                  ];
                }}
              />
              <Bar dataKey="interactions" name={t('analytics.pillars.interactions')} fill="#0b5d3b" isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </figure>
      )}
    </ReportSection>
  );
}
