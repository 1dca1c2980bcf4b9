import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Notice } from '../ui/Notice';
import { useMe } from '../auth/session';
import { navigate } from '../router';
import { AddUnitForm, UnitControls } from './units/UnitControls';
import { managesUnits, UnitNode, useUnitTree } from './units/unit-tree';
import './units/units.css';

/** The caller's part of the unit tree, one level at a time; the installation's admins and region admins also edit it. */
export function UnitsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const tree = useUnitTree();
  const [done, setDone] = useState<string | null>(null);
  const canManage = managesUnits(me);
  const loaded = [...tree.tops, ...[...tree.children.values()].flat()];
  const node = (u: UnitNode) => {
    const opened = tree.open.has(u.id);
    return (
      <li key={u.id}>
        {u.childCount > 0 ? (
          <button
            type="button"
            className="link tree-toggle"
            aria-expanded={opened}
            aria-label={t(opened ? 'wilayah.tree.close' : 'wilayah.tree.open', { name: u.name, count: u.childCount })}
            onClick={() => tree.toggle(u)}
          >
            {opened ? '▾' : '▸'}
          </button>
        ) : (
          <span className="tree-toggle" aria-hidden="true" />
        )}{' '}
        <span className="unit-name">{u.name}</span> <span className="badge">{t(`units.kinds.${u.kind}`)}</span> {u.code && <code>{u.code}</code>}{' '}
        {u.zone && (
          <span className="badge zone" title={u.timeZone}>
            {u.zone}
          </span>
        )}
        {u.childCount > 0 && !opened && <span className="muted"> {t('wilayah.tree.units', { count: u.childCount })}</span>}
        {canManage && (
          <UnitControls
            unit={u}
            onDone={(message) => {
              setDone(message);
              tree.reload();
            }}
          />
        )}
        {opened && <ul className="tree">{(tree.children.get(u.id) ?? []).map(node)}</ul>}
      </li>
    );
  };
  return (
    <section aria-labelledby="units-title">
      <div className="units-head">
        <h1 id="units-title">{t('units.title')}</h1>
        {me.isCityAdmin && (
          <a
            className="button secondary"
            href="/units/import"
            onClick={(e) => {
              e.preventDefault();
              navigate('/units/import');
            }}
          >
            {t('wilayah.import.open')}
          </a>
        )}
      </div>
      {tree.error && (
        <p role="alert" className="error">
          {tree.error}
        </p>
      )}
      <Notice>{done}</Notice>
      {canManage && loaded.length > 0 && <AddUnitForm units={loaded} onAdded={tree.reload} />}
      {tree.loading && <p aria-live="polite">{t('common.loading')}</p>}
      {!tree.loading && <ul className="tree">{tree.tops.map(node)}</ul>}
    </section>
  );
}
