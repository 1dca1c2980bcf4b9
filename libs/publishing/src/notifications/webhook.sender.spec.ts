import { createHmac } from 'crypto';
import { signWebhookBody } from './webhook.sender';

describe('webhook signature', () => {
  it('is sha256=<hex HMAC of the exact body>', () => {
    const body = JSON.stringify({ event: 'target_failed' });
    expect(signWebhookBody(body, 's3cret')).toBe(`sha256=${createHmac('sha256', 's3cret').update(body).digest('hex')}`);
  });
});
