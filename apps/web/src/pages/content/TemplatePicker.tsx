import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Template, loadTemplates } from './catalog';

/** "Pakai templat": the unit's templates (and its ancestors'); applying one asks first when texts are already written. */
export function TemplatePicker(props: { unitId: string; hasText: boolean; onApply(t: Template): void }) {
  const { t } = useTranslation();
  const [templates, setTemplates] = useState<Template[]>([]);
  const [chosen, setChosen] = useState('');

  useEffect(() => {
    setChosen('');
    void loadTemplates(props.unitId).then(setTemplates, () => setTemplates([]));
  }, [props.unitId]);

  const apply = () => {
    const tpl = templates.find((x) => x.id === chosen);
    if (!tpl) return;
    if (props.hasText && !window.confirm(t('content.composer.template.confirm', { name: tpl.name }))) return;
    props.onApply(tpl);
    setChosen('');
  };

  if (!templates.length) return null;
  return (
    <div className="panel form-row picker">
      <div>
        <label htmlFor="composer-template">{t('content.composer.template.label')}</label>
        <select id="composer-template" value={chosen} onChange={(e) => setChosen(e.target.value)}>
          <option value="">{t('content.composer.template.placeholder')}</option>
          {templates.map((x) => (
            <option key={x.id} value={x.id}>
              {x.name}
            </option>
          ))}
        </select>
      </div>
      <div className="picker-action">
        <button type="button" className="secondary" disabled={!chosen} onClick={apply}>
          {t('content.composer.template.apply')}
        </button>
      </div>
    </div>
  );
}
