import i18next from 'i18next';
import { ApiError, api } from '../../api/client';
import { formatDateTime } from '../../ui/format';

export { PLATFORM_NAMES } from '../../ui/format';

export const PILLAR_COLORS: Record<string, string> = {
  cerita_wilayah: '#8e44ad',
  program_prioritas: '#1565c0',
  wisata: '#2e7d32',
  layanan_publik: '#ef6c00',
  tanggap_aduan: '#c62828',
};

export interface Unit {
  id: string;
  name: string;
  code: string | null;
  timeZone: string;
}
export interface Account {
  id: string;
  unitId: string;
  platform: string;
  handle: string | null;
  displayName: string | null;
}
export interface Pillar {
  key: string;
  nameId: string;
  nameEn: string;
  color: string;
}
export interface Program {
  id: string;
  key: string | null;
  nameId: string;
  nameEn: string | null;
  hashtag: string | null;
  unitId: string;
}
export interface Campaign {
  id: string;
  unitId: string;
  programId: string | null;
  name: string;
  startsOn: string | null;
  endsOn: string | null;
}
export interface Media {
  id: string;
  kind: string;
  mimeType: string;
  width: number | null;
  height: number | null;
  url: string;
  altText: string | null;
  originalName?: string;
}
export interface Variant {
  language: 'id' | 'en';
  platform: string | null;
  text: string;
  hashtags: string[];
  link: string | null;
}
export interface Target {
  id: string;
  accountId: string;
  platform: string;
  handle: string | null;
  language: 'id' | 'en';
  status: string;
  scheduledAtLocal: string | null;
  externalUrl: string | null;
}
export interface History {
  at: string;
  actorName: string | null;
  action: string;
  fromStatus: string | null;
  toStatus: string | null;
  comment: string | null;
}
export interface Post {
  id: string;
  unitId: string;
  unitName: string;
  pillar: string;
  programId: string | null;
  campaignId: string | null;
  status: string;
  scheduledAt: string | null;
  scheduledAtLocal: string | null;
  timeZone: string;
  version: number;
  excerpt: string;
  variants: Variant[];
  media: Media[];
  targets: Target[];
  history: History[];
  /** What the caller may do with it now, by the server's rules (GET /v1/posts/:id). */
  allowedActions?: string[];
}
export interface Problem {
  field: string;
  code: string;
  message: string;
  accountId?: string;
}
export interface Validation {
  problems: Problem[];
  warnings: Problem[];
  counters: Array<{ accountId: string; platform: string; language: string; length: number; max: number }>;
}

export const json = (body: unknown): RequestInit => ({ method: 'POST', body: JSON.stringify(body) });

/** Multipart upload (the JSON client sets a JSON content type, so this one talks to fetch itself). */
export async function upload<T>(path: string, form: FormData): Promise<T> {
  const res = await fetch(`/api${path}`, { method: 'POST', body: form, credentials: 'same-origin', headers: { 'Accept-Language': i18next.language } });
  const body = await res.json().catch(() => undefined);
  if (!res.ok) throw new ApiError(res.status, body?.message ?? res.statusText, body?.details ?? []);
  return body as T;
}

export const loadUnits = () => api<Unit[]>('/v1/units');
export const loadAccounts = (unitId: string) => api<Account[]>(`/v1/accounts?unitId=${unitId}`);
export const loadPillars = () => api<Pillar[]>('/v1/pillars');

/** "Selasa, 24 November 2026 pukul 09.00 WIB", always through Intl. */
export function formatWhen(iso: string, timeZone: string, lng: string): string {
  return formatDateTime(iso, timeZone, lng);
}

export function pillarName(p: Pillar | undefined, key: string, lng: string): string {
  return p ? (lng === 'en' ? p.nameEn : p.nameId) : key;
}
