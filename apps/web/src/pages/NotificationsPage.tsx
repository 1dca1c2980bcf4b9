import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { navigate } from '../router';
import { NotificationItem, formatTime, postDetailPath, usePolling } from './publishing/publishing-api';

export const NOTIFICATIONS_CHANGED = 'kabar:notifications-changed';

/** The caller's notifications, newest first, already in their language; read one or all. */
export function NotificationsPage() {
  const { t, i18n } = useTranslation();
  const [data, setData] = useState<{ items: NotificationItem[]; unreadCount: number } | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = () => api<{ items: NotificationItem[]; unreadCount: number }>('/v1/notifications?limit=100').then(setData, (e: Error) => setError(e.message));
  usePolling(() => void load(), 15_000, [i18n.language]);

  const changed = () => window.dispatchEvent(new Event(NOTIFICATIONS_CHANGED));
  const read = async (n: NotificationItem) => {
    if (!n.readAt) await api(`/v1/notifications/${n.id}/read`, { method: 'POST' }).catch(() => undefined);
    changed();
    if (n.postId) navigate(postDetailPath(n.postId));
    else await load();
  };
  const readAll = async () => {
    await api('/v1/notifications/read-all', { method: 'POST' }).catch((e: Error) => setError(e.message));
    changed();
    await load();
  };

  return (
    <section aria-labelledby="notifications-title">
      <h1 id="notifications-title">{t('publishing.notifications.title')}</h1>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {data && data.unreadCount > 0 && (
        <button type="button" onClick={() => void readAll()}>
          {t('publishing.notifications.readAll')}
        </button>
      )}
      {data && data.items.length === 0 && <p className="notice">{t('publishing.notifications.empty')}</p>}
      {data && (
        <ul className="notification-list">
          {data.items.map((n) => (
            <li key={n.id} className={n.readAt ? 'panel' : 'panel unread'}>
              <p>
                {!n.readAt && <span className="badge">{t('publishing.notifications.new')}</span>} {n.message}
              </p>
              <p className="muted">{formatTime(n.createdAt, i18n.language)}</p>
              <button type="button" onClick={() => void read(n)}>
                {n.postId ? t('publishing.notifications.open') : t('publishing.notifications.markRead')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
