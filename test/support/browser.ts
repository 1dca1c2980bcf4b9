import * as fs from 'fs';
import * as path from 'path';
import { Browser, Page, chromium } from 'playwright-core';
import { ROOT } from './spawn-app';

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[];

export function chromiumPath(): string | undefined {
  return CANDIDATES.find((p) => fs.existsSync(p));
}

/**
 * Browser tests run where Debian's chromium is installed and say plainly that they were skipped where not;
 * under CI=true a missing Chromium is a failure.
 */
export function describeBrowser(name: string, fn: () => void) {
  const exe = chromiumPath();
  if (!exe) {
    if (process.env.CI === 'true') {
      describe(name, () =>
        it('needs Chromium (apt-get install chromium)', () => {
          throw new Error('Chromium not found at /usr/bin/chromium; CI must install it');
        }),
      );
      return;
    }
    console.warn(`SKIPPED browser tests "${name}": Chromium not found (apt-get install chromium)`);
    describe.skip(name, fn);
    return;
  }
  describe(name, fn);
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  const dir = path.join(ROOT, 'test-results');
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}
