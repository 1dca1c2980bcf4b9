import { useTranslation } from 'react-i18next';
import { BestTimeCell } from './analytics-api';
import { formatRate, weekdayShort } from './format';

const HOURS = Array.from({ length: 24 }, (_, h) => h);
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];
const hourLabel = (h: number, lng: string) => `${String(h).padStart(2, '0')}${lng === 'en' ? ':' : '.'}00`;

/** 7 × 24 cells coloured by engagement rate (darker = better, relative to the best cell); hatched cells are the city's fallback. */
export function BestTimeHeatmap({ cells }: { cells: BestTimeCell[] }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const at = new Map(cells.map((c) => [`${c.weekday}-${c.hour}`, c]));
  const best = Math.max(0, ...cells.map((c) => c.engagementRate ?? 0));
  const describe = (c: BestTimeCell | undefined, weekday: number, hour: number) => {
    const when = `${weekdayShort(weekday, lng)} ${hourLabel(hour, lng)}`;
    if (!c || c.engagementRate === null) return t('analytics.bestTime.cellEmpty', { when, posts: c?.posts ?? 0 });
    const text = t('analytics.bestTime.cell', { when, posts: c.posts, rate: formatRate(c.engagementRate, lng, 2) });
    return c.source === 'city' ? `${text} ${t('analytics.bestTime.cityFallback')}` : text;
  };
  return (
    <div className="table-wrap">
      <table className="heatmap">
        <caption className="visually-hidden">{t('analytics.bestTime.caption')}</caption>
        <thead>
          <tr>
            <td />
            {HOURS.map((h) => (
              <th key={h} scope="col">
                {h % 3 === 0 ? String(h).padStart(2, '0') : <span className="visually-hidden">{hourLabel(h, lng)}</span>}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {WEEKDAYS.map((w) => (
            <tr key={w}>
              <th scope="row">{weekdayShort(w, lng)}</th>
              {HOURS.map((h) => {
                const c = at.get(`${w}-${h}`);
                const rate = c?.engagementRate ?? null;
                const strength = rate !== null && best > 0 ? rate / best : 0;
                const label = describe(c, w, h);
                return (
                  <td
                    key={h}
                    className={['heat', rate === null ? 'none' : '', c?.source === 'city' ? 'city' : ''].join(' ').trim()}
                    style={rate === null ? undefined : { backgroundColor: `rgba(11, 93, 59, ${(0.12 + strength * 0.88).toFixed(2)})` }}
                    title={label}
                    aria-label={label}
                    data-testid={`heat-${w}-${h}`}
                  />
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="heat-legend muted">
        <span className="heat swatch low" aria-hidden="true" /> {t('analytics.bestTime.low')} <span className="heat swatch high" aria-hidden="true" />{' '}
        {t('analytics.bestTime.high')} <span className="heat swatch city" aria-hidden="true" /> {t('analytics.bestTime.cityLegend')}
      </p>
    </div>
  );
}
