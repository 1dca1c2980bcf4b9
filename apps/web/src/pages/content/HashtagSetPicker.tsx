import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { HashtagSet, loadHashtagSets } from './catalog';

/** "Set tagar": adds the tags of one of the unit's hashtag sets to the language being edited. */
export function HashtagSetPicker(props: { unitId: string; lang: 'id' | 'en'; onAdd(tags: string[]): void }) {
  const { t } = useTranslation();
  const [sets, setSets] = useState<HashtagSet[]>([]);
  const [chosen, setChosen] = useState('');

  useEffect(() => {
    setChosen('');
    void loadHashtagSets(props.unitId).then(setSets, () => setSets([]));
  }, [props.unitId]);

  if (!sets.length) return null;
  const set = sets.find((s) => s.id === chosen);
  const id = `hashtag-set-${props.lang}`;
  return (
    <div className="form-row picker">
      <div>
        <label htmlFor={id}>{t('content.composer.hashtagSet.label')}</label>
        <select id={id} value={chosen} onChange={(e) => setChosen(e.target.value)}>
          <option value="">{t('content.composer.hashtagSet.placeholder')}</option>
          {sets.map((s) => (
            <option key={s.id} value={s.id}>
              {`${s.name} (${s.tags.map((x) => `#${x.replace(/^#/, '')}`).join(' ')})`}
            </option>
          ))}
        </select>
      </div>
      <div className="picker-action">
        <button
          type="button"
          className="secondary"
          disabled={!set}
          onClick={() => {
            if (!set) return;
            props.onAdd(set.tags);
            setChosen('');
          }}
        >
          {t('content.composer.hashtagSet.apply')}
        </button>
      </div>
    </div>
  );
}
