import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PostAction, PostWithActions } from './post-page-api';

type Confirmable = 'cancel' | 'delete' | 'unschedule';

/**
 * The buttons of the post's `allowedActions` (the server's rules, not the console's), with what each needs: a
 * comment for review, a date and time for a schedule, a second click for what cannot be undone.
 */
export function PostActions(props: { post: PostWithActions; busy: boolean; run(action: PostAction, input: { comment?: string; scheduledAt?: string }): void }) {
  const { t } = useTranslation();
  const allowed = new Set(props.post.allowedActions);
  const [comment, setComment] = useState('');
  const [date, setDate] = useState(props.post.scheduledAtLocal?.slice(0, 10) ?? '');
  const [time, setTime] = useState(props.post.scheduledAtLocal?.slice(11, 16) ?? '09:00');
  const [confirming, setConfirming] = useState<Confirmable | null>(null);
  if (!allowed.size) return <p className="muted">{t('postPage.noActions')}</p>;
  const button = (action: PostAction, kind = 'secondary', input: { comment?: string; scheduledAt?: string } = {}) =>
    allowed.has(action) && (
      <button type="button" className={kind} disabled={props.busy} onClick={() => props.run(action, input)}>
        {t(`postPage.action.${action}`)}
      </button>
    );
  const confirmable = (action: Confirmable) =>
    allowed.has(action) &&
    (confirming === action ? (
      <span role="group" aria-label={t(`postPage.confirm.${action}`)} className="confirm">
        <span>{t(`postPage.confirm.${action}`)}</span>
        <button
          type="button"
          className="danger"
          disabled={props.busy}
          onClick={() => {
            setConfirming(null);
            props.run(action, {});
          }}
        >
          {t(`postPage.confirm.yes.${action}`)}
        </button>
        <button type="button" className="secondary" onClick={() => setConfirming(null)}>
          {t('postPage.confirm.no')}
        </button>
      </span>
    ) : (
      <button type="button" className="secondary" disabled={props.busy} onClick={() => setConfirming(action)}>
        {t(`postPage.action.${action}`)}
      </button>
    ));
  const review = allowed.has('approve') || allowed.has('request_changes');
  const timing = allowed.has('schedule') || allowed.has('reschedule');
  const at = date && time ? `${date}T${time}` : undefined;
  return (
    <div className="post-actions">
      {review && (
        <div className="panel">
          <label htmlFor="review-comment">{t('content.review.comment')}</label>
          <textarea id="review-comment" rows={3} className="wide" value={comment} onChange={(e) => setComment(e.target.value)} />
          <div className="actions">
            {button('approve', 'primary', { comment: comment || undefined })}
            {button('request_changes', 'secondary', { comment: comment || undefined })}
          </div>
        </div>
      )}
      {timing && (
        <div className="panel form-row">
          <div>
            <label htmlFor="schedule-date">{t('content.composer.date')}</label>
            <input id="schedule-date" type="date" value={date} onChange={(e) => setDate(e.target.value)} />
          </div>
          <div>
            <label htmlFor="schedule-time">{t('content.composer.time', { zone: props.post.timeZone })}</label>
            <input id="schedule-time" type="time" value={time} onChange={(e) => setTime(e.target.value)} />
          </div>
          <div className="actions">
            {button('schedule', 'primary', { scheduledAt: at })}
            {button('reschedule', 'primary', { scheduledAt: at })}
          </div>
        </div>
      )}
      <div className="actions">
        {button('edit', 'primary')}
        {button('submit', 'primary')}
        {button('retry')}
        {button('duplicate')}
        {confirmable('unschedule')}
        {confirmable('cancel')}
        {confirmable('delete')}
      </div>
    </div>
  );
}
