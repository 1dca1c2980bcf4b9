import { defineJobKind, deterministicJobId } from '@kabar/queue';

export interface EscalationJob {
  /** floor(epoch ms / the escalation interval): one job per interval, however many workers trigger it. */
  slot: number;
}

export const ESCALATION_JOB = defineJobKind<EscalationJob>('aduan.escalate', { policy: 'standard', retryLimit: 3, retryDelay: 30, expireInSeconds: 300 });

export function escalationJobId(slot: number): string {
  return deterministicJobId(`${ESCALATION_JOB.name}:${slot}`);
}
