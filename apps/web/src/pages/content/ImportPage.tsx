import { FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../api/client';
import { Account, Pillar, Unit, loadPillars, loadUnits, pillarName, upload } from './api';
import './content.css';

/** CSV import (Hootsuite, Sprout Social or Kabar layout) with the per-row report; all rows or none. */
export function ImportPage() {
  const { t, i18n } = useTranslation();
  const [units, setUnits] = useState<Unit[]>([]);
  const [accounts, setAccounts] = useState<Account[]>([]);
  const [pillars, setPillars] = useState<Pillar[]>([]);
  const [unitId, setUnitId] = useState('');
  const [pillar, setPillar] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<{ ok?: string; rows?: Array<{ field: string; message: string }>; error?: string } | null>(null);
  useEffect(() => {
    void loadUnits().then(setUnits);
    void loadPillars().then(setPillars);
    void api<Account[]>('/v1/accounts').then(setAccounts, () => setAccounts([]));
  }, []);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    const form = new FormData();
    if (unitId) form.append('unitId', unitId);
    if (pillar) form.append('pillar', pillar);
    if (chosen.length) form.append('accountIds', chosen.join(','));
    form.append('file', file);
    try {
      const res = await upload<{ imported: number; layout: string }>('/v1/posts/import', form);
      setReport({ ok: t('content.import.done', { count: res.imported, layout: res.layout }) });
    } catch (err) {
      const e2 = err as ApiError;
      setReport(e2.details?.length ? { rows: e2.details } : { error: e2.message });
    }
  };
  return (
    <section aria-labelledby="import-title">
      <h1 id="import-title">{t('content.import.title')}</h1>
      <p className="hint">{t('content.import.hint')}</p>
      <form onSubmit={(e) => void submit(e)} className="panel">
        <label htmlFor="csv-file">{t('content.import.file')}</label>
        <input id="csv-file" type="file" accept=".csv,text/csv" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        <label htmlFor="csv-unit">{t('content.composer.unit')}</label>
        <select id="csv-unit" value={unitId} onChange={(e) => setUnitId(e.target.value)}>
          <option value="">{t('content.common.choose')}</option>
          {units.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
        <label htmlFor="csv-pillar">{t('content.composer.pillar')}</label>
        <select id="csv-pillar" value={pillar} onChange={(e) => setPillar(e.target.value)}>
          <option value="">{t('content.common.choose')}</option>
          {pillars.map((p) => (
            <option key={p.key} value={p.key}>
              {pillarName(p, p.key, i18n.language)}
            </option>
          ))}
        </select>
        <fieldset>
          <legend>{t('content.composer.targets')}</legend>
          {accounts
            .filter((a) => !unitId || a.unitId === unitId)
            .map((a) => (
              <div key={a.id} className="checkbox">
                <input
                  id={`csv-acc-${a.id}`}
                  type="checkbox"
                  checked={chosen.includes(a.id)}
                  onChange={(e) => setChosen(e.target.checked ? [...chosen, a.id] : chosen.filter((x) => x !== a.id))}
                />
                <label htmlFor={`csv-acc-${a.id}`}>{`${t(`platforms.${a.platform}`)} · ${a.handle ?? ''}`}</label>
              </div>
            ))}
        </fieldset>
        <button type="submit" className="primary">
          {t('content.import.run')}
        </button>
      </form>
      {report?.ok && (
        <p className="notice" role="status">
          {report.ok}
        </p>
      )}
      {report?.error && (
        <p className="error" role="alert">
          {report.error}
        </p>
      )}
      {report?.rows && (
        <table aria-label={t('content.import.report')}>
          <thead>
            <tr>
              <th>{t('content.import.field')}</th>
              <th>{t('content.import.message')}</th>
            </tr>
          </thead>
          <tbody>
            {report.rows.map((r, i) => (
              <tr key={i}>
                <td>
                  <code>{r.field}</code>
                </td>
                <td>{r.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
