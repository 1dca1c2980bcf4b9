import { randomBytes } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';

/** The embedded default keeps one generated key under the data folder, so a restart can still read stored tokens. */
export function ensureSecretKey(dataDir: string): string {
  const file = path.join(path.resolve(dataDir), 'secret.key');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const key = randomBytes(32).toString('base64');
  fs.writeFileSync(file, key + '\n', { mode: 0o600 });
  return key;
}
