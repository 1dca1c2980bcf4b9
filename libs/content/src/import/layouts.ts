import { ErrorDetail } from '@kabar/common';

export type Layout = 'hootsuite' | 'sprout' | 'kabar';

/** One row of a CSV as Kabar understands it, whatever the layout; times are wall-clock strings. */
export interface ImportRow {
  row: number;
  at: string;
  idText: string;
  enText: string;
  link: string;
  unitCode?: string;
  accounts?: string[];
  pillar?: string;
  program?: string;
  hashtags?: string[];
  mediaIds?: string[];
}

const DMY = /^(\d{1,2})\/(\d{1,2})\/(\d{4})\s+(\d{1,2})[:.](\d{2})$/;
const pad = (n: string) => n.padStart(2, '0');

/** "24/11/2026 09:00" (Hootsuite, Kabar) → "2026-11-24T09:00". */
export function dmyTime(value: string): string | null {
  const m = DMY.exec(value.trim());
  return m ? `${m[3]}-${pad(m[2])}-${pad(m[1])}T${pad(m[4])}:${m[5]}` : null;
}

/** Sprout's `date` (YYYY-MM-DD or its US MM/DD/YYYY) and `time_24hr` (HH:mm). */
export function sproutTime(date: string, time: string): string | null {
  const t = /^(\d{1,2}):(\d{2})$/.exec(time.trim());
  if (!t) return null;
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date.trim());
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(date.trim());
  const ymd = iso ? `${iso[1]}-${iso[2]}-${iso[3]}` : us ? `${us[3]}-${pad(us[1])}-${pad(us[2])}` : null;
  return ymd ? `${ymd}T${pad(t[1])}:${t[2]}` : null;
}

const norm = (h: string) => h.trim().toLowerCase().replace(/\s+/g, '_');
const list = (s: string | undefined) =>
  (s ?? '')
    .split(/[\s;,]+/)
    .map((x) => x.trim())
    .filter(Boolean);

export function detectLayout(rows: string[][]): Layout | null {
  const head = rows[0].map(norm);
  if (head.includes('unit_code') && head.includes('id_text')) return 'kabar';
  if (head.includes('message_text') && head.includes('date')) return 'sprout';
  if (dmyTime(rows[0][0] ?? '') || /date/i.test(rows[0][0] ?? '')) return 'hootsuite';
  return null;
}

/** Reads the rows of a layout; format problems are returned per row and column, nothing is thrown. */
export function readRows(layout: Layout, rows: string[][]): { rows: ImportRow[]; errors: ErrorDetail[] } {
  const errors: ErrorDetail[] = [];
  const out: ImportRow[] = [];
  const hasHeader = layout !== 'hootsuite' || !dmyTime(rows[0][0] ?? '');
  const head = hasHeader ? rows[0].map(norm) : [];
  const col = (r: string[], name: string) => (r[head.indexOf(name)] ?? '').trim();
  rows.forEach((r, i) => {
    if (hasHeader && i === 0) return;
    const row = i + 1;
    const bad = (column: string, format?: string) =>
      errors.push({
        field: `rows[${row}].${column}`,
        code: format ? 'content.import.dateInvalid' : 'content.import.required',
        params: { row, column, ...(format ? { format } : {}) },
      });
    if (layout === 'hootsuite') {
      const at = dmyTime(r[0] ?? '');
      if (!at) bad(head[0] ?? 'date', 'DD/MM/YYYY HH:mm');
      if (!(r[1] ?? '').trim()) bad('message');
      out.push({ row, at: at ?? '', idText: (r[1] ?? '').trim(), enText: '', link: (r[2] ?? '').trim() });
    } else if (layout === 'sprout') {
      const at = sproutTime(col(r, 'date'), col(r, 'time_24hr'));
      if (!at) bad('date', 'YYYY-MM-DD + time_24hr HH:mm');
      if (!col(r, 'message_text')) bad('message_text');
      out.push({ row, at: at ?? '', idText: col(r, 'message_text'), enText: '', link: col(r, 'link') || col(r, 'link_url') });
    } else {
      const at = dmyTime(`${col(r, 'date')} ${col(r, 'time')}`);
      if (!at) bad('date', 'DD/MM/YYYY + HH:mm');
      for (const name of ['unit_code', 'accounts', 'pillar', 'id_text']) if (!col(r, name)) bad(name);
      out.push({
        row,
        at: at ?? '',
        idText: col(r, 'id_text'),
        enText: col(r, 'en_text'),
        link: col(r, 'link'),
        unitCode: col(r, 'unit_code'),
        accounts: list(col(r, 'accounts')),
        pillar: col(r, 'pillar'),
        program: col(r, 'program') || undefined,
        hashtags: list(col(r, 'hashtags')).map((h) => h.replace(/^#/, '')),
        mediaIds: list(col(r, 'media_ids')),
      });
    }
  });
  return { rows: out, errors };
}
