import { useTranslation } from 'react-i18next';
import { send, useApi, useApiMutation } from '../api/query';
import { navigate } from '../router';
import { Button } from '../ui/Button';
import { Notice } from '../ui/Notice';
import { NotificationItem, formatTime, postDetailPath } from './publishing/publishing-api';

export const NOTIFICATIONS_CHANGED = 'kabar:notifications-changed';

interface NotificationList {
  items: NotificationItem[];
  unreadCount: number;
}
const LIST = '/v1/notifications?limit=100';
const changed = () => window.dispatchEvent(new Event(NOTIFICATIONS_CHANGED));

/** The caller's notifications, newest first, already in their language; read one or all (marked read at once). */
export function NotificationsPage() {
  const { t, i18n } = useTranslation();
  const list = useApi<NotificationList>(LIST, { refetchInterval: 15_000 });
  const markRead = (n: NotificationItem, l: NotificationList): NotificationList => ({
    items: l.items.map((x) => (x.id === n.id ? { ...x, readAt: x.readAt ?? new Date().toISOString() } : x)),
    unreadCount: Math.max(0, l.unreadCount - (n.readAt ? 0 : 1)),
  });
  const read = useApiMutation<NotificationItem, unknown, NotificationList>({
    request: (n) => (n.readAt ? Promise.resolve() : send('POST', `/v1/notifications/${n.id}/read`)),
    invalidates: ['/v1/notifications'],
    optimistic: { listPath: LIST, apply: (l, n) => markRead(n, l) },
    onSuccess: (_r, n) => {
      changed();
      if (n.postId) navigate(postDetailPath(n.postId));
    },
  });
  const readAll = useApiMutation<void, unknown, NotificationList>({
    request: () => send('POST', '/v1/notifications/read-all'),
    invalidates: ['/v1/notifications'],
    optimistic: { listPath: LIST, apply: (l) => l.items.reduce((acc, n) => markRead(n, acc), l) },
    onSuccess: changed,
  });
  const data = list.data;
  const error = list.error ?? read.error ?? readAll.error;
  return (
    <section aria-labelledby="notifications-title">
      <h1 id="notifications-title">{t('publishing.notifications.title')}</h1>
      {error && <Notice kind="error">{error.message}</Notice>}
      {list.isPending && <p aria-live="polite">{t('common.loading')}</p>}
      {data && data.unreadCount > 0 && (
        <Button busy={readAll.isPending} onClick={() => readAll.mutate()}>
          {t('publishing.notifications.readAll')}
        </Button>
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
              <Button onClick={() => read.mutate(n)}>{n.postId ? t('publishing.notifications.open') : t('publishing.notifications.markRead')}</Button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
