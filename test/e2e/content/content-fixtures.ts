import { randomUUID } from 'crypto';
import { CredentialCipher } from '@kabar/accounts';
import { deriveKey } from '@kabar/org';
import { TestApp } from '../../support/test-app';
import { unitId } from '../../support/users';

export const BATU_TULIS = '32.71.01.1001';
export const BONDONGAN = '32.71.01.1002';
export const BOGOR_SELATAN = '32.71.01';

/** A social account row as the accounts context would store it; no platform is called before publishing. */
export async function createAccount(
  t: Pick<TestApp, 'ds' | 'config'>,
  unitCode: string,
  platform: string,
  handle = `${platform}-${randomUUID().slice(0, 6)}`,
): Promise<{ id: string; handle: string }> {
  const id = randomUUID();
  const cipher = new CredentialCipher(deriveKey(t.config.secretKey!, 'credentials'));
  await t.ds.query(
    `INSERT INTO social_accounts (id, unit_id, platform, external_id, handle, display_name, status, credentials_enc, sandbox)
     VALUES ($1, $2, $3, $4, $5, $5, 'active', $6, true)`,
    [id, await unitId(t, unitCode), platform, `ext-${id.slice(0, 8)}`, handle, cipher.encrypt({ accessToken: 'test-token' }, id)],
  );
  return { id, handle };
}

/** A wall-clock time `days` from now in WIB, at hh:mm, as the API takes it: "2026-11-24T09:00". */
export function wibLocal(days: number, hh = 9, mm = 0): string {
  const d = new Date(Date.now() + days * 86_400_000 + 7 * 3_600_000);
  return `${d.toISOString().slice(0, 10)}T${String(hh).padStart(2, '0')}:${String(mm).padStart(2, '0')}`;
}

export function bilingual(idText: string, enText?: string) {
  const variants: Array<Record<string, unknown>> = [{ language: 'id', text: idText, hashtags: ['KotaBogor'] }];
  if (enText) variants.push({ language: 'en', text: enText, hashtags: ['VisitBogor'] });
  return variants;
}
