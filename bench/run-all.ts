/** `npm run bench`: every benchmark, one after the other, each in its own process. */
import { spawnSync } from 'child_process';
import * as path from 'path';

const BENCHES = ['sandbox.bench.js', 'calendar.bench.js', 'publish.bench.js', 'analytics.bench.js', 'aduan.bench.js'];

let failed = 0;
for (const file of BENCHES) {
  console.log(`\n=== ${file.replace('.bench.js', '')} ===`);
  const r = spawnSync(process.execPath, [path.join(__dirname, file)], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
