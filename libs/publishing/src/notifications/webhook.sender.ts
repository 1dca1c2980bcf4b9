import { Inject, Injectable, Logger } from '@nestjs/common';
import { AxiosInstance } from 'axios';
import { createHmac } from 'crypto';
import { KABAR_CONFIG } from '@kabar/common';
import { KabarConfig } from '@kabar/config';
import { createOutboundClient, OutboundPolicy, outboundRefusal } from '@kabar/platforms';

/** `X-Kabar-Signature: sha256=<hex>` over the exact body sent. */
export function signWebhookBody(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

export const WEBHOOK_TIMEOUT_MS = 5_000;

/**
 * Optional outgoing webhook (KABAR_WEBHOOK_URL); best effort, never blocks publishing. Sent through the outbound
 * guard like every platform call: a private address must be listed in KABAR_OUTBOUND_ALLOW. No redirect is
 * followed and the answer's body is never read (only its status).
 */
@Injectable()
export class WebhookSender {
  private readonly logger = new Logger('publishing.webhook');
  private readonly http: AxiosInstance;

  constructor(@Inject(KABAR_CONFIG) private readonly config: KabarConfig) {
    this.http = createOutboundClient(new OutboundPolicy(config.outboundAllow ?? []), {
      timeoutMs: WEBHOOK_TIMEOUT_MS,
      agentOptions: { keepAlive: true, maxSockets: 4 },
    });
  }

  /** Posts the event; resolves to the answer's status, or null when nothing was answered (logged). */
  async send(event: Record<string, unknown>): Promise<number | null> {
    const url = this.config.webhookUrl;
    if (!url) return null;
    const body = JSON.stringify({ ...event, sentAt: new Date().toISOString() });
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (this.config.webhookSecret) headers['x-kabar-signature'] = signWebhookBody(body, this.config.webhookSecret);
    try {
      const res = await this.http.post(url, body, { headers, responseType: 'stream' });
      (res.data as NodeJS.ReadableStream & { destroy(): void }).destroy();
      if (res.status >= 300) this.logger.warn(`webhook answered ${res.status}`);
      return res.status;
    } catch (e) {
      const refused = outboundRefusal(e);
      if (refused) this.logger.warn(`webhook not sent: ${refused.message} (list it in KABAR_OUTBOUND_ALLOW to allow it)`);
      else this.logger.warn(`webhook failed: ${(e as { code?: string }).code ?? (e as Error).message}`);
      return null;
    }
  }
}
