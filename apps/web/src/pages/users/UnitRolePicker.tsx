import { useTranslation } from 'react-i18next';
import { ROLES, UnitOption } from './types';

/** A unit and a role, labelled for screen readers; `idPrefix` keeps ids unique on the page. */
export function UnitRolePicker(props: { idPrefix: string; units: UnitOption[]; unitId: string; role: string; onChange(unitId: string, role: string): void }) {
  const { t } = useTranslation();
  const { idPrefix, units, unitId, role, onChange } = props;
  return (
    <>
      <div>
        <label htmlFor={`${idPrefix}-unit`}>{t('usersPage.unit')}</label>
        <select id={`${idPrefix}-unit`} value={unitId} required onChange={(e) => onChange(e.target.value, role)}>
          <option value="">{t('usersPage.chooseUnit')}</option>
          {units.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name} ({t(`units.kinds.${u.kind}`)})
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={`${idPrefix}-role`}>{t('usersPage.role')}</label>
        <select id={`${idPrefix}-role`} value={role} onChange={(e) => onChange(unitId, e.target.value)}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`usersPage.roles.${r}`)}
            </option>
          ))}
        </select>
      </div>
    </>
  );
}
