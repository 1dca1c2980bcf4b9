import { createHmac } from 'crypto';
import * as httpServer from 'http';
import { AddressInfo } from 'net';
import {
  TICKET_JOB_KINDS,
  AduanWorker,
  ClassifierRegistry,
  CorrectionsRepository,
  EscalationService,
  TICKET_WEBHOOK_JOB,
  TicketWebhookSender,
  TicketsQueries,
  TicketsService,
} from '@kabar/aduan';
import { Clock } from '@kabar/common';
import { QueueService, QueueWorkers } from '@kabar/queue';
import { insertAccount, insertClassifiedComment } from '../../support/aduan-fixtures';
import { TestApp, startTestApp } from '../../support/test-app';

const SECRET = 'rahasia-webhook-aduan';

interface Received {
  headers: httpServer.IncomingHttpHeaders;
  body: string;
}

/** The signed webhook per new ticket, delivered through the queue to a real local HTTP server, retried on a 503. */
describe('aduan: signed webhook per new ticket (real HTTP server, real queue)', () => {
  let t: TestApp;
  let server: httpServer.Server;
  let queue: QueueService;
  let workers: QueueWorkers;
  const received: Received[] = [];

  beforeAll(async () => {
    server = httpServer.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c) => chunks.push(c));
      req.on('end', () => {
        received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
        // the first delivery meets a gateway error: the queue must try again
        res.statusCode = received.length === 1 ? 503 : 204;
        res.end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    t = await startTestApp({ aduanWebhookUrl: `http://127.0.0.1:${port}/lapor`, aduanWebhookSecret: SECRET, outboundAllow: [`127.0.0.1:${port}`] });
    queue = new QueueService(t.databaseUrl);
    const clock = t.app.get(Clock);
    const queries = t.app.get(TicketsQueries);
    workers = new QueueWorkers(queue, TICKET_JOB_KINDS);
    new AduanWorker(
      t.config,
      workers,
      queue,
      new EscalationService(t.ds),
      new TicketWebhookSender(t.config, queries, clock),
      clock,
      t.app.get(TicketsService),
    ).onModuleInit();
  }, 90_000);

  afterAll(async () => {
    await workers?.stop(TICKET_WEBHOOK_JOB, 5_000);
    await queue?.onApplicationShutdown();
    await t?.close();
    await new Promise((r) => server?.close(r));
  });

  it('enqueues one delivery per ticket in the opening transaction; a 503 is retried; the body is signed with HMAC-SHA256', async () => {
    const tickets = new TicketsService(t.ds, t.config, t.app.get(ClassifierRegistry), t.app.get(CorrectionsRepository), t.app.get(Clock), queue);
    const account = await insertAccount(t.ds, '32.71.06.1003', 'facebook');
    const c = await insertClassifiedComment(t.ds, {
      accountId: account.id,
      text: 'jalan di kedung badak rusak parah, lubangnya dalam banget udah sebulan',
      platform: 'facebook',
      writtenAt: new Date('2026-11-13T15:00:00+07:00'),
    });
    const runs = await Promise.all([tickets.openFromComments([c.id]), tickets.openFromComments([c.id])]);
    expect(runs[0].opened.length + runs[1].opened.length).toBe(1);
    await tickets.openFromComments([c.id]);
    const jobs = await t.ds.query(`SELECT id FROM pgboss.job WHERE name = $1`, [TICKET_WEBHOOK_JOB.name]);
    expect(jobs).toHaveLength(1);

    await workers.onApplicationBootstrap();
    for (let i = 0; i < 400 && received.length < 2; i++) await new Promise((r) => setTimeout(r, 100));
    expect(received).toHaveLength(2);
    for (const r of received) {
      expect(r.headers['content-type']).toBe('application/json');
      expect(r.headers['x-kabar-event']).toBe('aduan.ticket.opened');
      expect(r.headers['x-kabar-signature']).toBe(`sha256=${createHmac('sha256', SECRET).update(r.body, 'utf8').digest('hex')}`);
      expect(r.headers['x-kabar-signature']).not.toBe(`sha256=${createHmac('sha256', 'another-secret').update(r.body, 'utf8').digest('hex')}`);
    }
    const body = JSON.parse(received[1].body);
    const [ticket] = await t.ds.query(`SELECT id, number FROM aduan_tickets WHERE comment_id = $1`, [c.id]);
    expect(body).toMatchObject({
      event: 'aduan.ticket.opened',
      ticket: {
        id: ticket.id,
        number: ticket.number,
        category: 'jalan_rusak',
        agency: 'Dinas Pekerjaan Umum dan Penataan Ruang',
        place: 'Kedung Badak',
        handle: 'warga_bogor',
      },
    });
    expect(received[1].body).not.toContain('Budi Santoso');
    for (let i = 0; i < 50; i++) {
      const [job] = await t.ds.query(`SELECT state, retry_count FROM pgboss.job WHERE name = $1`, [TICKET_WEBHOOK_JOB.name]);
      if (job.state === 'completed') {
        expect(job.retry_count).toBe(1);
        return;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('the delivery job was not completed');
  }, 60_000);

  it('goes through the outbound guard: a private address not allowed is refused, not retried', async () => {
    const sender = new TicketWebhookSender({ ...t.config, outboundAllow: [] }, t.app.get(TicketsQueries), t.app.get(Clock));
    const [ticket] = await t.ds.query(`SELECT id FROM aduan_tickets LIMIT 1`);
    const before = received.length;
    expect((await sender.deliver(ticket.id)).kind).toBe('refused');
    expect(received.length).toBe(before);
  });
});
