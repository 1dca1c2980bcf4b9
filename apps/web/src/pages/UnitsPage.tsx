import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/query';
import { useMe } from '../auth/session';
import { Notice } from '../ui/Notice';
import { AddUnitForm, Unit, UnitControls } from './units/UnitControls';

/** The caller's part of the unit tree; city admins also edit it. Subtrees below the first level start collapsed. */
export function UnitsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const units = useApi<Unit[]>('/v1/units');
  const [done, setDone] = useState<string | null>(null);
  const list = units.data ?? [];
  const byParent = new Map<string | null, Unit[]>();
  for (const u of list) byParent.set(u.parentId, [...(byParent.get(u.parentId) ?? []), u]);
  const node = (u: Unit, depth: number) => {
    const label = (
      <>
        <span className="unit-name">{u.name}</span> <span className="badge">{t(`units.kinds.${u.kind}`)}</span> {u.code && <code>{u.code}</code>}
      </>
    );
    const children = byParent.get(u.id);
    return (
      <li key={u.id}>
        {label}
        {me.isCityAdmin && <UnitControls unit={u} onDone={setDone} />}
        {children && depth >= 1 ? (
          <details>
            <summary>{t('units.subunits', { n: children.length })}</summary>
            <ul className="tree">{children.map((c) => node(c, depth + 1))}</ul>
          </details>
        ) : (
          children && <ul className="tree">{children.map((c) => node(c, depth + 1))}</ul>
        )}
      </li>
    );
  };
  const roots = list.filter((u) => !u.parentId || !list.some((p) => p.id === u.parentId));
  return (
    <section aria-labelledby="units-title">
      <h1 id="units-title">{t('units.title')}</h1>
      {units.error && <Notice kind="error">{units.error.message}</Notice>}
      <Notice>{done}</Notice>
      {me.isCityAdmin && units.data && <AddUnitForm units={units.data} onAdded={() => setDone(null)} />}
      {units.isPending && <p aria-live="polite">{t('common.loading')}</p>}
      {units.data && <ul className="tree">{roots.map((u) => node(u, 0))}</ul>}
    </section>
  );
}
