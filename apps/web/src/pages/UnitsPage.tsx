import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { useMe } from '../auth/session';
import { AddUnitForm, Unit, UnitControls } from './units/UnitControls';

/** The caller's part of the unit tree; city admins also edit it. */
export function UnitsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [units, setUnits] = useState<Unit[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    api<Unit[]>('/v1/units').then(setUnits, (e: Error) => setError(e.message));
  }, []);
  useEffect(load, [load]);
  const byParent = new Map<string | null, Unit[]>();
  for (const u of units ?? []) byParent.set(u.parentId, [...(byParent.get(u.parentId) ?? []), u]);
  const node = (u: Unit) => (
    <li key={u.id}>
      <span className="unit-name">{u.name}</span> <span className="badge">{t(`units.kinds.${u.kind}`)}</span> {u.code && <code>{u.code}</code>}
      {me.isCityAdmin && <UnitControls unit={u} onChanged={load} onError={setError} />}
      {byParent.has(u.id) && <ul className="tree">{byParent.get(u.id)!.map(node)}</ul>}
    </li>
  );
  const roots = (units ?? []).filter((u) => !u.parentId || !units!.some((p) => p.id === u.parentId));
  return (
    <section aria-labelledby="units-title">
      <h1 id="units-title">{t('units.title')}</h1>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {me.isCityAdmin && units && <AddUnitForm units={units} onAdded={load} />}
      {!units && !error && <p aria-live="polite">{t('common.loading')}</p>}
      {units && <ul className="tree">{roots.map(node)}</ul>}
    </section>
  );
}
