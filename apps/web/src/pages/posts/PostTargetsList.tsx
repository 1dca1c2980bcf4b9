import { useTranslation } from 'react-i18next';
import { PLATFORM_NAMES, PublishTarget, formatTime } from '../publishing/publishing-api';
import { TargetErrorText } from '../publishing/TargetErrorText';
import { UnconfirmedResolver } from '../publishing/UnconfirmedResolver';

/**
 * Each account of the post: its state, the link once published, every attempt, and retry or resolution where
 * the server allows it. A target not yet handed to publishing shows its planned time as a plan, never as
 * "scheduled", and says so when that time has passed.
 */
export function PostTargetsList(props: {
  targets: PublishTarget[];
  canRetry: boolean;
  busy: string | null;
  onRetry(t: PublishTarget): void;
  onChanged(): void;
}) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  return (
    <ul className="target-list">
      {props.targets.map((target) => {
        const planned = target.status === 'pending';
        const past = !!target.scheduledAt && new Date(target.scheduledAt).getTime() < Date.now();
        return (
          <li key={target.id} className="panel" data-testid={`target-${target.id}`} data-status={target.status}>
            <h3 className="target-title">
              {PLATFORM_NAMES[target.platform] ?? target.platform} · {target.accountHandle ?? target.accountName}
            </h3>
            <p>
              <span className={`status status-${target.status}`} data-testid="target-status">
                {planned ? t('postPage.target.notOnSchedule') : t(`publishing.status.${target.status}`)}
              </span>
              {target.status === 'published' && target.publishedAt && (
                <> · {t('publishing.detail.publishedAt', { time: formatTime(target.publishedAt, lng) })}</>
              )}
              {planned && target.scheduledAt && (
                <> · {t(past ? 'postPage.target.plannedPassed' : 'postPage.target.planned', { time: formatTime(target.scheduledAt, lng) })}</>
              )}
              {!planned && target.status !== 'published' && target.status !== 'cancelled' && target.scheduledAt && (
                <> · {t('publishing.detail.scheduledAt', { time: formatTime(target.scheduledAt, lng) })}</>
              )}
            </p>
            {target.externalUrl && target.status === 'published' && (
              <p>
                <a href={target.externalUrl} target="_blank" rel="noreferrer" data-testid="published-link">
                  {t('publishing.detail.viewOn', { platform: PLATFORM_NAMES[target.platform] ?? target.platform })}
                </a>
              </p>
            )}
            <TargetErrorText target={target} />
            {target.status === 'unconfirmed' && <UnconfirmedResolver target={target} onDone={props.onChanged} />}
            {props.canRetry && (target.status === 'failed' || target.status === 'missed') && (
              <button type="button" onClick={() => props.onRetry(target)} disabled={props.busy === target.id}>
                {t('publishing.detail.retry')}
              </button>
            )}
            {target.attempts.length > 0 && (
              <details>
                <summary>{t('publishing.detail.attempts', { count: target.attempts.length })}</summary>
                <div className="table-wrap">
                  <table>
                    <thead>
                      <tr>
                        <th scope="col">{t('publishing.attempt.startedAt')}</th>
                        <th scope="col">{t('publishing.attempt.outcome')}</th>
                        <th scope="col">{t('publishing.attempt.errorClass')}</th>
                        <th scope="col">{t('publishing.attempt.httpStatus')}</th>
                        <th scope="col">{t('publishing.attempt.message')}</th>
                        <th scope="col">{t('publishing.attempt.externalId')}</th>
                        <th scope="col">{t('publishing.attempt.worker')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {target.attempts.map((a) => (
                        <tr key={a.id}>
                          <td>{formatTime(a.startedAt, lng)}</td>
                          <td>
                            {t(`publishing.attempt.kind.${a.kind}`)} · {t(`publishing.outcome.${a.outcome}`)}
                          </td>
                          <td>{a.errorClass ? t(`publishing.errorClass.${a.errorClass}`) : ''}</td>
                          <td className="num">{a.httpStatus ?? ''}</td>
                          <td>{a.platformMessage ?? ''}</td>
                          <td>{a.externalId ?? ''}</td>
                          <td className="muted">{a.worker}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </details>
            )}
          </li>
        );
      })}
    </ul>
  );
}
