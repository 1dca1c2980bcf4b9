import { useTranslation } from 'react-i18next';
import { Period, RangeKind } from './period';
import { RangePicker } from './RangePicker';
import { ScopeUnit } from './units';
import { UnitPicker } from './UnitPicker';

interface Props {
  units: ScopeUnit[];
  unitId: string;
  range: RangeKind;
  period: Period;
  onChange(patch: { unitId?: string; range?: RangeKind; from?: string; to?: string }): void;
}

/** The unit and the range every report of the page is about. */
export function AnalyticsFilters({ units, unitId, range, period, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <div className="analytics-filters" role="group" aria-label={t('analytics.filters')}>
      <UnitPicker units={units} value={unitId} onChange={(id) => onChange({ unitId: id })} />
      <RangePicker range={range} period={period} onChange={onChange} />
    </div>
  );
}
