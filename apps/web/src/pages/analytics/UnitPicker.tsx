import { useTranslation } from 'react-i18next';
import { ScopeUnit } from './units';

const KIND_ORDER = ['nasional', 'provinsi', 'kota', 'kabupaten', 'kecamatan', 'kelurahan', 'desa', 'opd', 'bumd', 'puskesmas'];

/** The units in the caller's scope, grouped by kind; a unit id from the address that is not among them shows as "—". */
export function UnitPicker({ units, value, onChange }: { units: ScopeUnit[]; value: string; onChange(id: string): void }) {
  const { t } = useTranslation();
  const kinds = KIND_ORDER.filter((k) => units.some((u) => u.kind === k));
  const known = units.some((u) => u.id === value);
  return (
    <div>
      <label htmlFor="analytics-unit">{t('analytics.unit')}</label>
      <select id="analytics-unit" value={known ? value : ''} onChange={(e) => onChange(e.target.value)}>
        {!known && <option value="">—</option>}
        {kinds.map((k) => (
          <optgroup key={k} label={t(`analytics.kinds.${k}`)}>
            {units
              .filter((u) => u.kind === k)
              .sort((a, b) => a.name.localeCompare(b.name, 'id'))
              .map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
          </optgroup>
        ))}
      </select>
    </div>
  );
}
