import { randomBytes } from 'crypto';
import * as fs from 'fs';

/** The superuser password of the embedded PostgreSQL before Kabar generated one (data directories created then). */
export const LEGACY_PASSWORD = 'kabar';

/** The generated superuser password kept in `file` (mode 600), or null when there is none yet. */
export function readPassword(file: string): string | null {
  try {
    const p = fs.readFileSync(file, 'utf8').trim();
    return p || null;
  } catch {
    return null;
  }
}

export function newPassword(): string {
  return randomBytes(24).toString('base64url');
}

export function writePassword(file: string, password: string): void {
  const tmp = `${file}.tmp`;
  fs.writeFileSync(tmp, password + '\n', { mode: 0o600 });
  fs.renameSync(tmp, file);
}
