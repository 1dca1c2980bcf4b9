/**
 * The web console as a user meets it: the built console's first load (the scripts and styles index.html loads,
 * gzipped), then the time from navigation to the first screen of Beranda and Analitik on the demo data
 * (`KABAR_SEED_DEMO`), in headless Chromium, against the built product on a temporary embedded PostgreSQL.
 * "First screen": the page's heading is shown and nothing of <main> inside the viewport says it is still loading.
 * Run: npm run bench:console (needs Debian's chromium or CHROMIUM_PATH).
 */
import { ChildProcess, spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as zlib from 'zlib';
import { chromium, Page } from 'playwright-core';
import { startEmbeddedPostgres } from '@kabar/database';
import { freePort } from './bench-port';

const ROOT = path.resolve(__dirname, '../..');
const WEB = path.join(ROOT, 'dist/web');
const RUNS = 7;
const ADMIN = { email: 'admin.bench@kabar.test', password: 'kata-sandi-bench-konsol-1' };
const SCREENS = [
  { name: 'Beranda', path: '/' },
  { name: 'Analitik', path: '/analytics' },
];

/** The files index.html loads before anything else (entry script, preloads, styles), raw and gzipped, in kB. */
export function firstLoad(): { files: Array<{ file: string; kb: number; gzKb: number }>; kb: number; gzKb: number; allJsGzKb: number } {
  const html = fs.readFileSync(path.join(WEB, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
  const size = (f: string) => {
    const buf = fs.readFileSync(path.join(WEB, f));
    return { kb: buf.length / 1024, gzKb: zlib.gzipSync(buf, { level: 9 }).length / 1024 };
  };
  const files = [...new Set(['/index.html', ...refs])].map((file) => ({ file, ...size(file) }));
  const allJs = fs
    .readdirSync(path.join(WEB, 'assets'))
    .filter((f) => f.endsWith('.js'))
    .reduce((s, f) => s + size(`/assets/${f}`).gzKb, 0);
  return { files, kb: files.reduce((s, f) => s + f.kb, 0), gzKb: files.reduce((s, f) => s + f.gzKb, 0), allJsGzKb: allJs };
}

async function startProduct(databaseUrl: string): Promise<{ baseUrl: string; proc: ChildProcess }> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  let out = '';
  const proc = spawn(process.execPath, [path.join(ROOT, 'dist/apps/api/src/main.js'), '--all'], {
    cwd: ROOT,
    env: {
      ...inherited(),
      PORT: String(port),
      KABAR_PUBLIC_URL: baseUrl,
      DATABASE_URL: databaseUrl,
      KABAR_SECRET_KEY: Buffer.alloc(32, 9).toString('base64'),
      KABAR_SEED_DEMO: 'true',
      KABAR_ADMIN_EMAIL: ADMIN.email,
      KABAR_ADMIN_PASSWORD: ADMIN.password,
      KABAR_LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  proc.stdout!.on('data', (d) => (out += d));
  proc.stderr!.on('data', (d) => (out += d));
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`the product exited:\n${out}`);
    const ok = await fetch(`${baseUrl}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { baseUrl, proc };
    if (Date.now() > deadline) throw new Error(`no answer from /api/health:\n${out}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** ms from navigation to the first screen of `route`. */
async function timeScreen(page: Page, url: string): Promise<{ total: number; heading: number }> {
  const t0 = performance.now();
  await page.goto(url, { waitUntil: 'commit' });
  await page.locator('main h1').first().waitFor();
  const heading = performance.now() - t0;
  await page.waitForFunction(() => {
    const { document, window } = globalThis as any;
    const main = document.querySelector('main');
    if (!main) return false;
    // nothing on the screen (the part of <main> inside the viewport) still says it is loading
    const busy = Array.from(main.querySelectorAll('[aria-busy="true"], [aria-live="polite"], p')) as any[];
    return !busy.some((el) => {
      const r = el.getBoundingClientRect();
      const onScreen = r.bottom > 0 && r.top < window.innerHeight && r.width > 0;
      return onScreen && (el.getAttribute('aria-busy') === 'true' || /^(Memuat|Loading)/.test(el.textContent.trim()));
    });
  });
  return { total: performance.now() - t0, heading };
}

/** The bench's own environment (PATH, HOME, CHROMIUM_PATH): the product it starts gets only what is listed. */
function inherited(): { PATH: string; HOME: string; CHROMIUM_PATH?: string } {
  // eslint-disable-next-line no-restricted-syntax -- the child process's PATH and HOME, not a Kabar setting
  const env = process.env;
  return { PATH: env.PATH ?? '', HOME: env.HOME ?? '/tmp', CHROMIUM_PATH: env.CHROMIUM_PATH };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const max = (xs: number[]) => Math.max(...xs);

async function main() {
  if (!fs.existsSync(path.join(WEB, 'index.html'))) throw new Error('dist/web is missing: npm run build');
  const load = firstLoad();
  console.log('Console first load (index.html + what it loads at once):');
  for (const f of load.files) console.log(`  ${f.file.padEnd(48)} ${f.kb.toFixed(1).padStart(7)} kB  ${f.gzKb.toFixed(1).padStart(6)} kB gzipped`);
  console.log(`  ${'total'.padEnd(48)} ${load.kb.toFixed(1).padStart(7)} kB  ${load.gzKb.toFixed(1).padStart(6)} kB gzipped`);
  console.log(`  (every script of the console, lazy pages included: ${load.allJsGzKb.toFixed(1)} kB gzipped)`);

  const exe = [inherited().CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => p && fs.existsSync(p));
  if (!exe) throw new Error('Chromium not found: apt-get install chromium, or set CHROMIUM_PATH');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kabar-console-bench-'));
  fs.chmodSync(dir, 0o755);
  const pg = await startEmbeddedPostgres({ dir: path.join(dir, 'pg'), port: await freePort(), database: 'kabar_console' });
  let product: { baseUrl: string; proc: ChildProcess } | undefined;
  const browser = await chromium.launch({ executablePath: exe, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  try {
    product = await startProduct(pg.url);
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
    const login = await context.newPage();
    await login.goto(product.baseUrl + '/');
    await login.getByLabel('Email').fill(ADMIN.email);
    await login.getByLabel('Kata sandi', { exact: true }).fill(ADMIN.password);
    await login.getByRole('button', { name: 'Masuk' }).click();
    await login.getByRole('button', { name: 'Keluar' }).waitFor();
    await login.close();
    console.log(`\nFirst screen on the demo data, headless Chromium 1366×900 (${RUNS} loads each; the first with an empty cache):`);
    for (const s of SCREENS) {
      const times: number[] = [];
      const headings: number[] = [];
      let calls: Array<{ url: string; ms: number }> = [];
      for (let i = 0; i < RUNS; i++) {
        // a fresh page each time: a full load of the console, its scripts from the browser cache after the first
        const page = await context.newPage();
        calls = [];
        page.on('requestfinished', (r) => {
          const t = r.timing();
          if (r.url().includes('/api/')) calls.push({ url: r.url().replace(product!.baseUrl, ''), ms: t.responseEnd - Math.max(0, t.requestStart) });
        });
        const r = await timeScreen(page, product.baseUrl + s.path);
        times.push(r.total);
        headings.push(r.heading);
        await page.close();
      }
      const verdict = median(times) < 1000 ? 'under the 1 s target' : 'OVER the 1 s target';
      console.log(
        `  ${s.name.padEnd(9)} first ${times[0].toFixed(0).padStart(5)} ms · median ${median(times).toFixed(0).padStart(5)} ms · max ${max(times).toFixed(0).padStart(5)} ms  (${verdict})`,
      );
      console.log(`    the page's heading (shell and session done) after ${median(headings).toFixed(0)} ms (median)`);
      const slowest = [...calls].sort((a, b) => b.ms - a.ms).slice(0, 4);
      console.log(`    slowest API answers of the last load: ${slowest.map((c) => `${c.url.split('?')[0]} ${c.ms.toFixed(0)} ms`).join(', ')}`);
    }
  } finally {
    await browser.close();
    if (product && product.proc.exitCode === null) {
      const exited = new Promise((r) => product!.proc.once('exit', r));
      product.proc.kill('SIGTERM');
      await exited;
    }
    await pg.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module)
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
