import { useTranslation } from 'react-i18next';
import { Period, RANGES, RangeKind } from './period';

interface Props {
  range: RangeKind;
  period: Period;
  onChange(patch: { range?: RangeKind; from?: string; to?: string }): void;
}

/** This month, last month, the last 3 or 12 months, or a custom from/to. */
export function RangePicker({ range, period, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <>
      <div>
        <label htmlFor="analytics-range">{t('analytics.range.label')}</label>
        <select id="analytics-range" value={range} onChange={(e) => onChange({ range: e.target.value as RangeKind })}>
          {RANGES.map((r) => (
            <option key={r} value={r}>
              {t(`analytics.range.${r}`)}
            </option>
          ))}
        </select>
      </div>
      {range === 'custom' && (
        <>
          <div>
            <label htmlFor="analytics-from">{t('analytics.range.from')}</label>
            <input id="analytics-from" type="date" value={period.from} max={period.to} onChange={(e) => e.target.value && onChange({ from: e.target.value })} />
          </div>
          <div>
            <label htmlFor="analytics-to">{t('analytics.range.to')}</label>
            <input id="analytics-to" type="date" value={period.to} min={period.from} onChange={(e) => e.target.value && onChange({ to: e.target.value })} />
          </div>
        </>
      )}
    </>
  );
}
