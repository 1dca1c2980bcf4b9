import { Inject, Injectable, Logger } from '@nestjs/common';
import { createHmac } from 'crypto';
import { KABAR_CONFIG } from '@kabar/common';
import { KabarConfig } from '@kabar/config';

/** `X-Kabar-Signature: sha256=<hex>` over the exact body sent. */
export function signWebhookBody(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

/** Optional outgoing webhook (KABAR_WEBHOOK_URL); best effort, never blocks publishing. */
@Injectable()
export class WebhookSender {
  private readonly logger = new Logger('publishing.webhook');

  constructor(@Inject(KABAR_CONFIG) private readonly config: KabarConfig) {}

  async send(event: Record<string, unknown>): Promise<void> {
    const url = this.config.webhookUrl;
    if (!url) return;
    const body = JSON.stringify({ ...event, sentAt: new Date().toISOString() });
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (this.config.webhookSecret) headers['x-kabar-signature'] = signWebhookBody(body, this.config.webhookSecret);
    try {
      const res = await fetch(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(5_000) });
      if (res.status >= 300) this.logger.warn(`webhook answered ${res.status}`);
    } catch (e) {
      this.logger.warn(`webhook failed: ${(e as Error).message}`);
    }
  }
}
