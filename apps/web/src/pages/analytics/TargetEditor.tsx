import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { TargetRow } from './analytics-api';

/** PUT /analytics/targets for one unit and month; the server checks who may. */
export function TargetEditor({ row, month, onSaved, onCancel }: { row: TargetRow; month: string; onSaved(): void; onCancel(): void }) {
  const { t } = useTranslation();
  const [followers, setFollowers] = useState(row.followersTarget?.toString() ?? '');
  const [posts, setPosts] = useState(row.postsTarget?.toString() ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api('/v1/analytics/targets', {
        method: 'PUT',
        body: JSON.stringify({
          unitId: row.unitId,
          month,
          ...(followers ? { followersTarget: Number(followers) } : {}),
          ...(posts ? { postsTarget: Number(posts) } : {}),
        }),
      });
      onSaved();
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const id = `target-${row.unitId}`;
  return (
    <form className="inline-form target-editor" onSubmit={submit} aria-label={t('analytics.targets.editFor', { unit: row.unitName })}>
      <div>
        <label htmlFor={`${id}-followers`}>{t('analytics.targets.followersTarget')}</label>
        <input id={`${id}-followers`} type="number" min={0} inputMode="numeric" value={followers} onChange={(e) => setFollowers(e.target.value)} />
      </div>
      <div>
        <label htmlFor={`${id}-posts`}>{t('analytics.targets.postsTarget')}</label>
        <input id={`${id}-posts`} type="number" min={0} inputMode="numeric" value={posts} onChange={(e) => setPosts(e.target.value)} />
      </div>
      <div className="row-actions">
        <button type="submit" className="primary" disabled={busy}>
          {t('common.save')}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </form>
  );
}
