import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useSubmit } from '../../components/use-submit';
import { TargetRow } from './analytics-api';

/** PUT /analytics/targets for one unit and month; the server checks who may. */
export function TargetEditor({ row, month, onSaved, onCancel }: { row: TargetRow; month: string; onSaved(): void; onCancel(): void }) {
  const { t } = useTranslation();
  const [followers, setFollowers] = useState(row.followersTarget?.toString() ?? '');
  const [posts, setPosts] = useState(row.postsTarget?.toString() ?? '');
  const { busy, error, submit } = useSubmit(async () => {
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
  });
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
