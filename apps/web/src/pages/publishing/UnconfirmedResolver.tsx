import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { PLATFORM_NAMES, PublishTarget } from './publishing-api';

type Action = 'published' | 'send_again' | 'check_again';

/**
 * An unconfirmed target: what Kabar knows, and the three ways a person settles it. Sending again asks for a
 * confirmation, because the post may already be on the platform.
 */
export function UnconfirmedResolver({ target, onDone }: { target: PublishTarget; onDone: () => void }) {
  const { t } = useTranslation();
  const [url, setUrl] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const platform = PLATFORM_NAMES[target.platform] ?? target.platform;
  const reason = target.unconfirmedReason ?? 'no_safe_check';

  const resolve = async (action: Action) => {
    if (action === 'send_again' && !window.confirm(t('publishing.unconfirmed.confirmSendAgain', { platform }))) return;
    setBusy(true);
    setError(null);
    try {
      await api(`/v1/posts/${encodeURIComponent(target.postId)}/targets/${target.id}/resolve`, {
        method: 'POST',
        body: JSON.stringify(action === 'published' ? { action, ...(url.trim() ? { url: url.trim() } : {}) } : { action }),
      });
      onDone();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const markPublished = (e: FormEvent) => {
    e.preventDefault();
    void resolve('published');
  };

  return (
    <div className="unconfirmed" data-testid={`unconfirmed-${target.id}`}>
      <p className="warning">
        {t('publishing.unconfirmed.what', { platform })} {t(`publishing.unconfirmed.reason.${reason}`, { platform, defaultValue: '' })}
      </p>
      <p>{t('publishing.unconfirmed.todo', { platform, account: target.accountHandle ?? target.accountName ?? '' })}</p>
      <form onSubmit={markPublished} className="inline-form">
        <label>
          {t('publishing.unconfirmed.link')}
          <input type="url" inputMode="url" value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://" />
        </label>
        <button type="submit" disabled={busy}>
          {t('publishing.unconfirmed.markPublished')}
        </button>
      </form>
      <div className="actions">
        <button type="button" onClick={() => void resolve('send_again')} disabled={busy}>
          {t('publishing.unconfirmed.sendAgain')}
        </button>
        <button type="button" className="secondary" onClick={() => void resolve('check_again')} disabled={busy}>
          {t('publishing.unconfirmed.checkAgain')}
        </button>
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </div>
  );
}
