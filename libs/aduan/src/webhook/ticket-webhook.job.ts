import { defineJobKind, deterministicJobId } from '@kabar/queue';

export interface TicketWebhookJob {
  ticketId: string;
}

/** One delivery per new ticket, retried with backoff (5 s, 10 s, 20 s … about 85 min in all) until it answers 2xx. */
export const TICKET_WEBHOOK_JOB = defineJobKind<TicketWebhookJob>('aduan.ticket-webhook', {
  policy: 'standard',
  retryLimit: 10,
  retryDelay: 5,
  retryBackoff: true,
  expireInSeconds: 60,
});

export function ticketWebhookJobId(ticketId: string): string {
  return deterministicJobId(`${TICKET_WEBHOOK_JOB.name}:${ticketId}`);
}
