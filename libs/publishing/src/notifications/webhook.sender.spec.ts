import { createHmac } from 'crypto';
import * as http from 'node:http';
import { AddressInfo } from 'node:net';
import { Logger } from '@nestjs/common';
import { loadConfig } from '@kabar/config';
import { signWebhookBody, WebhookSender } from './webhook.sender';

describe('webhook signature', () => {
  it('is sha256=<hex HMAC of the exact body>', () => {
    const body = JSON.stringify({ event: 'target_failed' });
    expect(signWebhookBody(body, 's3cret')).toBe(`sha256=${createHmac('sha256', 's3cret').update(body).digest('hex')}`);
  });
});

describe('webhook and the outbound guard', () => {
  let server: http.Server;
  let url: string;
  const received: Array<{ body: string; signature: string | undefined }> = [];
  let connections = 0;

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        received.push({ body, signature: req.headers['x-kabar-signature'] as string | undefined });
        res.end('x'.repeat(1024 * 1024)); // a long answer the sender never reads
      });
    });
    server.on('connection', () => connections++);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });
  beforeEach(() => {
    received.length = 0;
    connections = 0;
  });

  const sender = (env: Record<string, string>) => new WebhookSender(loadConfig({ KABAR_WEBHOOK_URL: url, KABAR_WEBHOOK_SECRET: 'k', ...env }));

  it('refuses a webhook URL on a private address: nothing reaches it, and the log says how to allow it', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    try {
      expect(await sender({}).send({ event: 'target_failed' })).toBeNull();
      expect(warn).toHaveBeenCalledWith(expect.stringMatching(/not a public address \(loopback\).*KABAR_OUTBOUND_ALLOW/));
    } finally {
      warn.mockRestore();
    }
    expect(connections).toBe(0);
    expect(received).toEqual([]);
  });

  it('sends, signed, when the operator allows the address', async () => {
    const port = new URL(url).port;
    expect(await sender({ KABAR_OUTBOUND_ALLOW: `127.0.0.1:${port}` }).send({ event: 'target_failed' })).toBe(200);
    expect(received).toHaveLength(1);
    expect(JSON.parse(received[0].body)).toMatchObject({ event: 'target_failed' });
    expect(received[0].signature).toBe(signWebhookBody(received[0].body, 'k'));
  });
});
