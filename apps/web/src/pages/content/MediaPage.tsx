import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/query';
import { Unit } from './api';
import { MediaPicker } from './MediaPicker';
import './content.css';

/** A unit's media library: upload, browse, and what is selected stays selected for the composer of that session. */
export function MediaPage() {
  const { t } = useTranslation();
  const units = useApi<Unit[]>('/v1/units').data ?? [];
  const [chosen, setUnitId] = useState('');
  const unitId = chosen || units[0]?.id || '';
  const [selected, setSelected] = useState<string[]>([]);
  return (
    <section aria-labelledby="media-title">
      <h1 id="media-title">{t('content.media.title')}</h1>
      <label htmlFor="media-unit">{t('content.composer.unit')}</label>
      <select id="media-unit" value={unitId} onChange={(e) => setUnitId(e.target.value)}>
        {units.map((u) => (
          <option key={u.id} value={u.id}>
            {u.name}
          </option>
        ))}
      </select>
      <p className="hint">{t('content.media.hint')}</p>
      {unitId && <MediaPicker unitId={unitId} selected={selected} onChange={setSelected} />}
    </section>
  );
}
