import { useTranslation } from 'react-i18next';
import { PLATFORM_NAMES, PublishTarget, formatClock } from './publishing-api';

/** The target's latest problem in plain words (ui-copy "Publishing states and errors"). */
export function TargetErrorText({ target }: { target: PublishTarget }) {
  const { t, i18n } = useTranslation();
  const platform = PLATFORM_NAMES[target.platform] ?? target.platform;
  if (target.status === 'published' || target.status === 'cancelled' || target.status === 'unconfirmed') return null;
  let text: string | null = null;
  if (target.status === 'missed') text = t('publishing.errors.missed');
  else if (target.status === 'held' && (target.lastErrorClass === 'auth' || target.accountStatus === 'needs_reconnect')) text = t('publishing.errors.auth');
  else if (target.status === 'held') text = t('publishing.errors.accountInactive');
  else if (target.status === 'scheduled' && target.budgetWait)
    text = t(`publishing.budgetWait.${target.budgetWait}`, {
      platform,
      time: formatClock(target.nextAttemptAt, i18n.language),
      defaultValue: t('publishing.budgetWait.platform_rate', { platform, time: formatClock(target.nextAttemptAt, i18n.language) }),
    });
  else if (target.lastErrorClass === 'rejected') text = t('publishing.errors.rejected', { platform, reason: target.lastErrorMessage ?? '' });
  else if (target.lastErrorClass === 'rate_limited')
    text = t('publishing.errors.rateLimited', { platform, time: formatClock(target.nextAttemptAt, i18n.language) });
  else if (target.lastErrorClass === 'transient') text = t('publishing.errors.transient', { platform });
  else if (target.lastErrorClass === 'unknown_outcome') text = t('publishing.errors.unknownOutcome', { platform });
  else if (target.lastErrorClass === 'auth') text = t('publishing.errors.auth');
  if (target.status === 'failed' && !text) text = t('publishing.errors.failed');
  const stuck = target.stuckReason ? t(`publishing.stuck.${target.stuckReason}`, { defaultValue: t('publishing.stuck.not_picked_up') }) : null;
  if (!text && !stuck) return null;
  return (
    <p className={target.status === 'failed' || target.status === 'missed' ? 'error' : 'muted'} data-testid={`target-error-${target.id}`}>
      {text}
      {stuck && <span className="stuck-note"> {stuck}</span>}
    </p>
  );
}
