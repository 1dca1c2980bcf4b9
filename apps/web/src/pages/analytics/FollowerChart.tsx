import { useTranslation } from 'react-i18next';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { FollowerPoint } from './analytics-api';
import { formatCompact, formatDate, formatDayShort, formatInt, formatMonth } from './format';
import { Granularity } from './period';

interface TooltipProps {
  active?: boolean;
  payload?: Array<{ payload: FollowerPoint }>;
  granularity: Granularity;
}

function FollowerTooltip({ active, payload, granularity }: TooltipProps) {
  const { t, i18n } = useTranslation();
  const p = payload?.[0]?.payload;
  if (!active || !p) return null;
  const lng = i18n.language;
  return (
    <div className="chart-tooltip">
      <strong>{granularity === 'month' ? formatMonth(p.period, lng) : formatDate(p.period, lng)}</strong>
      <div>{p.followers === null ? t('analytics.followers.noData') : t('analytics.followers.value', { value: formatInt(p.followers, lng) })}</div>
      {p.netNew !== null && <div>{t('analytics.followers.netNewValue', { value: formatInt(p.netNew, lng) })}</div>}
      {p.accounts < p.expectedAccounts && (
        <div className="muted">{t('analytics.followers.incomplete', { accounts: p.accounts, expected: p.expectedAccounts })}</div>
      )}
    </div>
  );
}

/** Followers per bucket as a line; a bucket without readings stays a gap (never joined over). */
export function FollowerChart({ rows, granularity }: { rows: FollowerPoint[]; granularity: Granularity }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  // the y-axis is as wide as its longest label ("444,4 rb"), never clipping it
  const top = Math.max(0, ...rows.map((r) => r.followers ?? 0));
  const axisWidth = Math.max(44, 14 + 7.5 * formatCompact(top * 1.2, lng).length);
  const tick = (d: string) => (granularity === 'month' ? formatMonth(d, lng, true) : formatDayShort(d, lng));
  return (
    <figure className="chart" aria-label={t('analytics.followers.chartLabel')}>
      <ResponsiveContainer width="100%" height={260}>
        <LineChart data={rows} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="#e3e8e5" vertical={false} />
          <XAxis dataKey="period" tickFormatter={tick} minTickGap={28} interval="preserveStartEnd" tick={{ fontSize: 12 }} />
          <YAxis
            tickFormatter={(v: number) => formatCompact(v, lng)}
            width={axisWidth}
            tickCount={4}
            domain={['auto', 'auto']}
            tick={{ fontSize: 12 }}
            allowDecimals={false}
          />
          <Tooltip content={<FollowerTooltip granularity={granularity} />} />
          <Line
            type="linear"
            dataKey="followers"
            name={t('analytics.followers.series')}
            stroke="#0b5d3b"
            strokeWidth={2}
            dot={rows.length <= 2}
            connectNulls={false}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
}
