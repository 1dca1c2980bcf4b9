import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { invalidateApi, send, useApiMutation } from '../../api/query';
import { ReviewSwitch } from './ReviewSwitch';

export interface Unit {
  id: string;
  code: string | null;
  name: string;
  kind: string;
  parentId: string | null;
  reviewRequired: boolean;
}

/** Unit managers (the installation's admins, region admins inside their region): rename a unit and switch its review requirement (asking first), inline in the tree. */
export function UnitControls({ unit, onDone }: { unit: Unit; onDone(message: string): void }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(unit.name);
  const rename = useApiMutation<string, unknown, Unit[]>({
    request: (n) => send('PATCH', `/v1/units/${unit.id}`, { name: n }),
    invalidates: ['/v1/units'],
    optimistic: { listPath: '/v1/units', apply: (list, n) => list.map((u) => (u.id === unit.id ? { ...u, name: n } : u)) },
    onSuccess: (_r, n) => onDone(t('unitAdmin.renamedNotice', { name: n })),
  });
  const save = (e: FormEvent) => {
    e.preventDefault();
    setEditing(false);
    rename.mutate(name);
  };
  return (
    <span className="unit-controls">
      {' '}
      <ReviewSwitch unit={unit} onDone={onDone} />{' '}
      {editing ? (
        <form className="inline-form" onSubmit={save}>
          <label htmlFor={`name-${unit.id}`} className="visually-hidden">
            {t('unitAdmin.name')}
          </label>
          <input id={`name-${unit.id}`} value={name} maxLength={200} required onChange={(e) => setName(e.target.value)} />
          <button type="submit" className="secondary">
            {t('common.save')}
          </button>
        </form>
      ) : (
        <button type="button" className="link" aria-label={t('unitAdmin.renameUnit', { name: unit.name })} onClick={() => setEditing(true)}>
          {t('unitAdmin.rename')}
        </button>
      )}
      {rename.error && (
        <span role="alert" className="error">
          {' '}
          {rename.error.message}
        </span>
      )}
    </span>
  );
}

const KINDS = ['provinsi', 'kabupaten', 'kota', 'kecamatan', 'kelurahan', 'desa', 'opd', 'bumd', 'puskesmas'];

/** Unit managers: a new unit under one of the units shown in the tree (the server checks the level and the scope). */
export function AddUnitForm({ units, onAdded }: { units: Unit[]; onAdded(): void }) {
  const { t } = useTranslation();
  const [form, setForm] = useState({ parentId: '', name: '', kind: 'kelurahan', code: '' });
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await api('/v1/units', {
        method: 'POST',
        body: JSON.stringify({ parentId: form.parentId, name: form.name, kind: form.kind, ...(form.code ? { code: form.code } : {}) }),
      });
      setForm({ parentId: '', name: '', kind: 'kelurahan', code: '' });
      await invalidateApi('/v1/units');
      onAdded();
    } catch (err) {
      setError((err as Error).message);
    }
  };
  return (
    <form className="card" onSubmit={(e) => void submit(e)} aria-labelledby="unit-add-title">
      <h2 id="unit-add-title">{t('unitAdmin.add')}</h2>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <div className="form-row">
        <div>
          <label htmlFor="unit-parent">{t('unitAdmin.parent')}</label>
          <select id="unit-parent" required value={form.parentId} onChange={(e) => setForm({ ...form, parentId: e.target.value })}>
            <option value="">{t('unitAdmin.chooseParent')}</option>
            {units.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name} ({t(`units.kinds.${u.kind}`)})
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="unit-name">{t('unitAdmin.name')}</label>
          <input id="unit-name" required maxLength={200} value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
        </div>
        <div>
          <label htmlFor="unit-kind">{t('unitAdmin.kind')}</label>
          <select id="unit-kind" value={form.kind} onChange={(e) => setForm({ ...form, kind: e.target.value })}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`units.kinds.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="unit-code">{t('unitAdmin.code')}</label>
          <input id="unit-code" maxLength={40} value={form.code} onChange={(e) => setForm({ ...form, code: e.target.value })} />
        </div>
      </div>
      <button type="submit" className="primary">
        {t('common.add')}
      </button>
    </form>
  );
}
