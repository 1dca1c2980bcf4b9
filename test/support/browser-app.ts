import { Browser } from 'playwright-core';
import { createTestDatabase } from './test-database';
import { SpawnedApp, freePort, spawnApp } from './spawn-app';
import { launchBrowser } from './browser';

export const BROWSER_ADMIN = { email: 'admin.kota@kabar.test', password: 'kata-sandi-admin-kota-1' };

export interface BrowserApp {
  app: SpawnedApp;
  browser: Browser;
  close(): Promise<void>;
}

/**
 * The built product started as `npm start` starts it (demo seed, first admin from the environment),
 * on a database of its own, plus a headless Chromium. `env` adds settings (e.g. sandboxEnv(sb)).
 */
export async function startBrowserApp(env: Record<string, string> = {}): Promise<BrowserApp> {
  const db = await createTestDatabase();
  const port = await freePort();
  const app = await spawnApp({
    PORT: String(port),
    KABAR_PUBLIC_URL: `http://127.0.0.1:${port}`,
    DATABASE_URL: db.url,
    KABAR_SECRET_KEY: Buffer.alloc(32, 5).toString('base64'),
    KABAR_SEED_DEMO: 'true',
    KABAR_ADMIN_EMAIL: BROWSER_ADMIN.email,
    KABAR_ADMIN_PASSWORD: BROWSER_ADMIN.password,
    ...env,
  });
  const browser = await launchBrowser();
  return {
    app,
    browser,
    close: async () => {
      await browser.close();
      await app.stop();
      await db.drop();
    },
  };
}
