import { FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useMe } from '../../auth/session';
import './units.css';

interface Region {
  code: string;
  name: string;
  kind: string;
  zone: string | null;
  units: number;
  kecamatan: number;
  villages: number;
  inTree: number;
}

interface Regions {
  country: { units: number; kecamatan: number; villages: number; inTree: number };
  regions: Region[];
}

interface ImportResult {
  code: string;
  dryRun: boolean;
  inFile: Record<string, number>;
  created: number;
  updated: number;
  moved: number;
  agenciesCreated: number;
  root: { name: string; kind: string; code: string | null };
  rootChanged: boolean;
  previousRoot: { name: string } | null;
  adminsCarried: number;
  ms: number;
}

const KIND_ORDER = ['nasional', 'provinsi', 'kabupaten', 'kota', 'kecamatan', 'kelurahan', 'desa'];

/**
 * The installation's admins import Kemendagri wilayah codes (config/wilayah) into the unit tree: the whole
 * country, a province or a kabupaten/kota. "Check" runs the import and rolls it back to show what would change.
 */
export function WilayahImportPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const [provinces, setProvinces] = useState<Regions | null>(null);
  const [kabkota, setKabkota] = useState<Region[]>([]);
  const [province, setProvince] = useState('');
  const [region, setRegion] = useState('');
  const [agencies, setAgencies] = useState(true);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const n = (x: number) => x.toLocaleString(i18n.language === 'en' ? 'en-GB' : 'id-ID');

  useEffect(() => {
    if (me.isCityAdmin) api<Regions>('/v1/wilayah/regions').then(setProvinces, (e: Error) => setError(e.message));
  }, [me.isCityAdmin]);
  useEffect(() => {
    setRegion('');
    setKabkota([]);
    if (province && province !== 'all')
      api<Regions>(`/v1/wilayah/regions?province=${province}`).then(
        (r) => setKabkota(r.regions),
        (e: Error) => setError(e.message),
      );
  }, [province]);

  if (!me.isCityAdmin)
    return (
      <p role="alert" className="error">
        {t('wilayah.import.forbidden')}
      </p>
    );

  const code = province === 'all' ? 'all' : region || province;
  const chosen = province === 'all' ? provinces?.country : (kabkota.find((r) => r.code === region) ?? provinces?.regions.find((r) => r.code === province));
  const run = async (e: FormEvent, dryRun: boolean) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      setResult(await api<ImportResult>('/v1/wilayah/import', { method: 'POST', body: JSON.stringify({ code, dryRun, agencies }) }));
      if (!dryRun) setProvinces(await api<Regions>('/v1/wilayah/regions'));
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="wilayah-title">
      <h1 id="wilayah-title">{t('wilayah.import.title')}</h1>
      <p className="lead">{t('wilayah.import.lead')}</p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {provinces && (
        <p>
          {t('wilayah.import.country', { units: n(provinces.country.units), villages: n(provinces.country.villages), inTree: n(provinces.country.inTree) })}
        </p>
      )}
      <form className="card" onSubmit={(e) => void run(e, false)} aria-labelledby="wilayah-form-title">
        <h2 id="wilayah-form-title">{t('wilayah.import.what')}</h2>
        <div className="form-row">
          <div>
            <label htmlFor="wilayah-province">{t('wilayah.import.province')}</label>
            <select id="wilayah-province" required value={province} onChange={(e) => setProvince(e.target.value)}>
              <option value="">{t('wilayah.import.chooseProvince')}</option>
              <option value="all">{t('wilayah.import.all')}</option>
              {provinces?.regions.map((r) => (
                <option key={r.code} value={r.code}>
                  {r.code} {r.name} ({r.zone})
                </option>
              ))}
            </select>
          </div>
          {province && province !== 'all' && (
            <div>
              <label htmlFor="wilayah-region">{t('wilayah.import.region')}</label>
              <select id="wilayah-region" value={region} onChange={(e) => setRegion(e.target.value)}>
                <option value="">{t('wilayah.import.wholeProvince')}</option>
                {kabkota.map((r) => (
                  <option key={r.code} value={r.code}>
                    {r.code} {r.name}
                  </option>
                ))}
              </select>
            </div>
          )}
        </div>
        {chosen && (
          <p data-testid="wilayah-size">
            {t('wilayah.import.size', { units: n(chosen.units), kecamatan: n(chosen.kecamatan), villages: n(chosen.villages), inTree: n(chosen.inTree) })}
          </p>
        )}
        <p>
          <input id="wilayah-agencies" type="checkbox" className="inline-check" checked={agencies} onChange={(e) => setAgencies(e.target.checked)} />
          <label htmlFor="wilayah-agencies" className="inline-label">
            {t('wilayah.import.agencies')}
          </label>
        </p>
        <div className="form-row">
          <button type="button" className="secondary" disabled={!code || busy} onClick={(e) => void run(e, true)}>
            {t('wilayah.import.check')}
          </button>
          <button type="submit" className="primary" disabled={!code || busy}>
            {t('wilayah.import.run')}
          </button>
        </div>
        {busy && <p aria-live="polite">{t('wilayah.import.busy')}</p>}
      </form>
      {result && (
        <section className="card wilayah-result" aria-labelledby="wilayah-result-title" aria-live="polite">
          <h2 id="wilayah-result-title">
            {t(result.dryRun ? 'wilayah.result.dryRun' : 'wilayah.result.done', {
              seconds: (result.ms / 1000).toLocaleString(i18n.language === 'en' ? 'en-GB' : 'id-ID', { maximumFractionDigits: 1 }),
            })}
          </h2>
          <dl>
            <dt>{t('wilayah.result.inFile')}</dt>
            <dd>
              {KIND_ORDER.filter((k) => result.inFile[k])
                .map((k) => `${n(result.inFile[k])} ${t(`units.kinds.${k}`)}`)
                .join(', ')}
            </dd>
            <dt>{t('wilayah.result.changes')}</dt>
            <dd data-testid="wilayah-changes">
              {t('wilayah.result.counts', {
                created: n(result.created),
                updated: n(result.updated),
                moved: n(result.moved),
                agencies: n(result.agenciesCreated),
              })}
            </dd>
            <dt>{t('wilayah.result.root')}</dt>
            <dd>
              {result.root.name} ({t(`units.kinds.${result.root.kind}`)})
              {result.rootChanged && result.previousRoot && (
                <> — {t('wilayah.result.rootChanged', { previous: result.previousRoot.name, count: result.adminsCarried })}</>
              )}
            </dd>
          </dl>
        </section>
      )}
    </section>
  );
}
