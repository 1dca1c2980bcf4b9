import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';

interface Unit {
  id: string;
  code: string | null;
  name: string;
  kind: string;
  parentId: string | null;
}

export function UnitsPage() {
  const { t } = useTranslation();
  const [units, setUnits] = useState<Unit[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api<Unit[]>('/v1/units').then(setUnits, (e: Error) => setError(e.message));
  }, []);
  const byParent = new Map<string | null, Unit[]>();
  for (const u of units ?? []) byParent.set(u.parentId, [...(byParent.get(u.parentId) ?? []), u]);
  const renderTree = (parentId: string | null) => (
    <ul className="tree">
      {(byParent.get(parentId) ?? []).map((u) => (
        <li key={u.id}>
          <span className="unit-name">{u.name}</span> <span className="badge">{t(`units.kinds.${u.kind}`)}</span> {u.code && <code>{u.code}</code>}
          {byParent.has(u.id) && renderTree(u.id)}
        </li>
      ))}
    </ul>
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
      {!units && !error && <p aria-live="polite">{t('common.loading')}</p>}
      {units && (
        <ul className="tree">
          {roots.map((r) => (
            <li key={r.id}>
              <span className="unit-name">{r.name}</span> <span className="badge">{t(`units.kinds.${r.kind}`)}</span> {r.code && <code>{r.code}</code>}
              {renderTree(r.id)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
