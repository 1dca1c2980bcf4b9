import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Problem } from './api';

export interface TargetAccount {
  id: string;
  unitId: string;
  unitName: string;
  platform: string;
  handle: string | null;
  displayName: string | null;
  status: string;
}

/**
 * The accounts a post of the chosen unit may go out on (the server's list: the unit and its subtree, those the
 * user administers), grouped by platform, searchable by name, handle or unit.
 */
export function TargetPicker(props: {
  accounts: TargetAccount[];
  unitId: string;
  targets: Map<string, 'id' | 'en'>;
  onChange(next: Map<string, 'id' | 'en'>): void;
  problems: Problem[];
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const words = q.toLowerCase().split(/\s+/).filter(Boolean);
  const matches = (a: TargetAccount) => {
    const hay = `${a.handle ?? ''} ${a.displayName ?? ''} ${a.unitName} ${t(`platforms.${a.platform}`)}`.toLowerCase();
    return words.every((w) => hay.includes(w));
  };
  const platforms = [...new Set(props.accounts.map((a) => a.platform))];
  const toggle = (id: string, on: boolean) => {
    const next = new Map(props.targets);
    if (on) next.set(id, 'id');
    else next.delete(id);
    props.onChange(next);
  };
  return (
    <fieldset className="panel target-picker" aria-describedby={props.problems.length ? 'targets-problems' : undefined}>
      <legend>{t('content.composer.targets')}</legend>
      {props.accounts.length === 0 ? (
        <p className="muted">{t(props.unitId ? 'content.composer.noAccounts' : 'content.composer.chooseUnitFirst')}</p>
      ) : (
        <>
          <label htmlFor="account-search">{t('content.composer.searchAccounts')}</label>
          <input id="account-search" type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder={t('content.composer.searchPlaceholder')} />
          <p className="muted" aria-live="polite">
            {t('content.composer.selectedCount', { count: props.targets.size, total: props.accounts.length })}
          </p>
          {platforms.map((platform) => {
            const list = props.accounts.filter((a) => a.platform === platform && (matches(a) || props.targets.has(a.id)));
            if (!list.length) return null;
            return (
              <div key={platform} className="platform-group" role="group" aria-labelledby={`group-${platform}`}>
                <h3 id={`group-${platform}`}>
                  {t(`platforms.${platform}`)} <span className="muted">({list.length})</span>
                </h3>
                {list.map((a) => (
                  <div key={a.id} className="checkbox">
                    <input id={`acc-${a.id}`} type="checkbox" checked={props.targets.has(a.id)} onChange={(e) => toggle(a.id, e.target.checked)} />
                    <label htmlFor={`acc-${a.id}`}>{`${t(`platforms.${a.platform}`)} · ${a.handle ?? a.displayName ?? ''}`}</label>
                    {a.unitId !== props.unitId && <span className="muted"> {a.unitName}</span>}
                    {a.status === 'needs_reconnect' && <span className="warning"> {t('content.composer.needsReconnect')}</span>}
                    {props.targets.has(a.id) && (
                      <select
                        aria-label={t('content.composer.targetLanguage', { name: a.handle ?? a.platform })}
                        value={props.targets.get(a.id)}
                        onChange={(e) => props.onChange(new Map(props.targets).set(a.id, e.target.value as 'id' | 'en'))}
                      >
                        <option value="id">{t('content.composer.lang.id')}</option>
                        <option value="en">{t('content.composer.lang.en')}</option>
                      </select>
                    )}
                  </div>
                ))}
              </div>
            );
          })}
        </>
      )}
      <div id="targets-problems">
        {props.problems.map((p) => (
          <p key={p.field + p.code + p.message} className="error">
            {p.message}
          </p>
        ))}
      </div>
    </fieldset>
  );
}
