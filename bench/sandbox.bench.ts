/**
 * How many requests per second the sandbox answers on keep-alive connections (it must never be the
 * bottleneck of the publishing benchmark). Run: npm run bench:sandbox
 */
import axios from 'axios';
import * as http from 'node:http';
import { startSandbox } from '@kabar/sandbox';

async function main() {
  const sb = await startSandbox();
  const agent = new http.Agent({ keepAlive: true, maxSockets: 100 });
  const api = axios.create({ httpAgent: agent, validateStatus: () => true });
  const acc = sb.store.createAccount('telegram');
  const url = `${sb.apiUrls.telegram}/bot${acc.accessToken}/getChatMemberCount?chat_id=${encodeURIComponent(acc.externalId)}`;
  for (const concurrency of [1, 10, 100]) {
    const total = concurrency === 1 ? 2000 : 10_000;
    const t0 = process.hrtime.bigint();
    let sent = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (sent < total) {
          sent++;
          await api.get(url);
        }
      }),
    );
    const s = Number(process.hrtime.bigint() - t0) / 1e9;
    console.log(`sandbox: ${total} requests, concurrency ${concurrency}: ${(total / s).toFixed(0)} req/s`);
  }
  agent.destroy();
  await sb.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
