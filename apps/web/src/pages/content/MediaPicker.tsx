import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../api/client';
import { Media, upload } from './api';

/** The unit's media library as checkboxes, with an upload that selects the new file. */
export function MediaPicker(props: { unitId: string; selected: string[]; onChange(ids: string[]): void }) {
  const { t } = useTranslation();
  const [items, setItems] = useState<Media[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (props.unitId) api<Media[]>(`/v1/media?unitId=${props.unitId}`).then(setItems, () => setItems([]));
  }, [props.unitId]);
  const add = async (file: File | undefined) => {
    if (!file) return;
    setError(null);
    const form = new FormData();
    form.append('unitId', props.unitId);
    form.append('file', file);
    try {
      const m = await upload<Media>('/v1/media', form);
      setItems([m, ...items]);
      props.onChange([...props.selected, m.id]);
    } catch (e) {
      setError(e instanceof ApiError ? (e.details[0]?.message ?? e.message) : String(e));
    }
  };
  return (
    <fieldset className="panel">
      <legend>{t('content.composer.media')}</legend>
      <label htmlFor="media-upload">{t('content.composer.upload')}</label>
      <input
        id="media-upload"
        type="file"
        accept="image/jpeg,image/png,image/webp,image/gif,video/mp4,video/quicktime"
        onChange={(e) => void add(e.target.files?.[0])}
      />
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <ul className="media-grid">
        {items.map((m) => (
          <li key={m.id}>
            <label className="media-choice">
              <input
                type="checkbox"
                checked={props.selected.includes(m.id)}
                onChange={(e) => props.onChange(e.target.checked ? [...props.selected, m.id] : props.selected.filter((x) => x !== m.id))}
              />
              {m.kind === 'image' ? <img src={m.url} alt={m.altText ?? m.originalName ?? ''} /> : <span>🎞</span>}
              <span className="muted">{m.width && m.height ? `${m.width} × ${m.height}` : m.mimeType}</span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
