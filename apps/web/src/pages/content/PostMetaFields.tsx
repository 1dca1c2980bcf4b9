import { useTranslation } from 'react-i18next';
import { Campaign, Pillar, Program, Unit, pillarName } from './api';

type Field = 'unitId' | 'pillar' | 'programId' | 'campaignId';

/** Unit, pillar, priority program and campaign of a post. */
export function PostMetaFields(props: {
  units: Unit[];
  pillars: Pillar[];
  programs: Program[];
  campaigns: Campaign[];
  unitId: string;
  pillar: string;
  programId: string;
  campaignId: string;
  locked: boolean;
  onChange(field: Field, value: string): void;
}) {
  const { t, i18n } = useTranslation();
  const { units, pillars, programs, campaigns, unitId, pillar, programId, campaignId, locked, onChange } = props;
  return (
    <div className="form-row">
      <div>
        <label htmlFor="unit">{t('content.composer.unit')}</label>
        <select id="unit" value={unitId} onChange={(e) => onChange('unitId', e.target.value)} disabled={locked}>
          <option value="">{t('content.common.choose')}</option>
          {units.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="pillar">{t('content.composer.pillar')}</label>
        <select id="pillar" value={pillar} onChange={(e) => onChange('pillar', e.target.value)}>
          <option value="">{t('content.common.choose')}</option>
          {pillars.map((p) => (
            <option key={p.key} value={p.key}>
              {pillarName(p, p.key, i18n.language)}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="program">{t('content.composer.program')}</label>
        <select id="program" value={programId} onChange={(e) => onChange('programId', e.target.value)}>
          <option value="">{t('content.common.none')}</option>
          {programs.map((p) => (
            <option key={p.id} value={p.id}>
              {i18n.language === 'en' ? (p.nameEn ?? p.nameId) : p.nameId}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="campaign">{t('content.composer.campaign')}</label>
        <select id="campaign" value={campaignId} onChange={(e) => onChange('campaignId', e.target.value)}>
          <option value="">{t('content.common.none')}</option>
          {campaigns.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
