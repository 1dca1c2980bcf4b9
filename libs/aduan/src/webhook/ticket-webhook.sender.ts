import { Inject, Injectable, Logger } from '@nestjs/common';
import { AxiosInstance } from 'axios';
import { createHmac } from 'crypto';
import { Clock, KABAR_CONFIG } from '@kabar/common';
import { KabarConfig } from '@kabar/config';
import { createOutboundClient, OutboundPolicy, outboundRefusal } from '@kabar/platforms';
import { JobOutcome } from '@kabar/queue';
import { exportRow } from '../tickets/ticket-export';
import { TicketsQueries } from '../tickets/tickets.queries';

export const TICKET_WEBHOOK_EVENT = 'aduan.ticket.opened';

/** `sha256=<hex>` of HMAC-SHA256 over the exact body sent (the X-Kabar-Signature header). */
export function signTicketWebhook(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

/**
 * Delivers one new ticket to KABAR_ADUAN_WEBHOOK_URL through the outbound guard (a private address must be
 * listed in KABAR_OUTBOUND_ALLOW; no redirect is followed; the answer's body is never read). A 2xx is delivered;
 * anything else or no answer is retried by the queue; an address the guard refuses is dropped (logged).
 */
@Injectable()
export class TicketWebhookSender {
  private readonly logger = new Logger('aduan.webhook');
  private readonly http: AxiosInstance;

  constructor(
    @Inject(KABAR_CONFIG) private readonly config: KabarConfig,
    private readonly queries: TicketsQueries,
    private readonly clock: Clock,
  ) {
    this.http = createOutboundClient(new OutboundPolicy(config.outboundAllow ?? []), { timeoutMs: 10_000, agentOptions: { keepAlive: true, maxSockets: 4 } });
  }

  async deliver(ticketId: string): Promise<JobOutcome> {
    const url = this.config.aduanWebhookUrl;
    if (!url) return { kind: 'skipped', message: 'no webhook URL' };
    const t = await this.queries.byId(ticketId, this.clock.now());
    if (!t) return { kind: 'skipped', message: 'ticket gone' };
    const body = JSON.stringify({ event: TICKET_WEBHOOK_EVENT, ticket: { id: t.id, ...exportRow(t) }, sentAt: new Date().toISOString() });
    const headers: Record<string, string> = { 'content-type': 'application/json', 'x-kabar-event': TICKET_WEBHOOK_EVENT, 'x-kabar-delivery': t.id };
    if (this.config.aduanWebhookSecret) headers['x-kabar-signature'] = signTicketWebhook(body, this.config.aduanWebhookSecret);
    try {
      const res = await this.http.post(url, body, { headers, responseType: 'stream' });
      (res.data as NodeJS.ReadableStream & { destroy(): void }).destroy();
      if (res.status >= 200 && res.status < 300) return { kind: 'delivered' };
      return { kind: 'retry', message: `webhook answered ${res.status}` };
    } catch (e) {
      const refused = outboundRefusal(e);
      if (refused) {
        this.logger.warn(`ticket webhook not sent: ${refused.message} (list it in KABAR_OUTBOUND_ALLOW to allow it)`);
        return { kind: 'refused', message: refused.message };
      }
      return { kind: 'retry', message: `webhook failed: ${(e as { code?: string }).code ?? (e as Error).message}` };
    }
  }
}
