import { toCsv, toTable } from '@kabar/common';
import { TicketView } from './tickets.queries';

/**
 * The shape SP4N-LAPOR! or a city's own system imports: the complaint's words, where it was written, what and
 * where it is about, who acts, and the dates. No personal data beyond the author's public handle.
 */
export const EXPORT_COLUMNS = [
  'number',
  'status',
  'text',
  'link',
  'platform',
  'handle',
  'category',
  'place',
  'kecamatan',
  'agency',
  'forwardedTo',
  'writtenAt',
  'openedAt',
  'dueAt',
  'firstAnsweredAt',
  'resolvedAt',
] as const;

export type ExportRow = Record<(typeof EXPORT_COLUMNS)[number], string | null>;

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

export function exportRow(t: TicketView): ExportRow {
  return {
    number: t.number,
    status: t.status,
    text: t.text,
    link: t.url,
    platform: t.platform,
    handle: t.authorHandle,
    category: t.category,
    place: t.place?.name ?? null,
    kecamatan: t.kecamatan?.name ?? null,
    agency: t.agency?.name ?? null,
    forwardedTo: t.forwardedTo,
    writtenAt: iso(t.writtenAt),
    openedAt: iso(t.openedAt),
    dueAt: iso(t.dueAt),
    firstAnsweredAt: iso(t.firstAnsweredAt),
    resolvedAt: iso(t.resolvedAt),
  };
}

/** RFC 4180 with a BOM and formula-safe cells (the repository's CSV writer). */
export function ticketsCsv(rows: ExportRow[]): Buffer {
  return toCsv(toTable([...EXPORT_COLUMNS], rows));
}
