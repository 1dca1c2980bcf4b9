/** A ticket's states: the desk's path, then the exits. */
export const TICKET_STATUSES = ['baru', 'terverifikasi', 'didisposisikan', 'ditindaklanjuti', 'selesai', 'bukan_aduan', 'bukan_wewenang', 'arsip'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** States in which a ticket still waits for someone (its response target counts, it can be escalated). */
export const OPEN_STATUSES: readonly TicketStatus[] = ['baru', 'terverifikasi', 'didisposisikan', 'ditindaklanjuti'];

export const TICKET_ACTIONS = ['verify', 'dispose', 'follow_up', 'resolve', 'not_complaint', 'forward', 'archive', 'reclassify'] as const;
export type TicketAction = (typeof TICKET_ACTIONS)[number];

/**
 * The state machine: for each action, the states it may start from and the state it leads to (`null`: the
 * state stays, e.g. reclassify). Anything else is refused with 409 and the allowed actions.
 */
export const TRANSITIONS: Readonly<Record<TicketAction, { from: readonly TicketStatus[]; to: TicketStatus | null }>> = {
  verify: { from: ['baru'], to: 'terverifikasi' },
  // route at once from the inbox, or route again to another OPD or kelurahan
  dispose: { from: ['baru', 'terverifikasi', 'didisposisikan'], to: 'didisposisikan' },
  follow_up: { from: ['didisposisikan'], to: 'ditindaklanjuti' },
  resolve: { from: ['baru', 'terverifikasi', 'didisposisikan', 'ditindaklanjuti'], to: 'selesai' },
  not_complaint: { from: ['baru', 'terverifikasi', 'didisposisikan'], to: 'bukan_aduan' },
  forward: { from: ['baru', 'terverifikasi', 'didisposisikan'], to: 'bukan_wewenang' },
  archive: { from: ['baru', 'terverifikasi', 'didisposisikan', 'ditindaklanjuti', 'selesai', 'bukan_aduan', 'bukan_wewenang'], to: 'arsip' },
  reclassify: { from: ['baru', 'terverifikasi', 'didisposisikan', 'ditindaklanjuti'], to: null },
};

export function mayApply(action: TicketAction, from: TicketStatus): boolean {
  return TRANSITIONS[action].from.includes(from);
}

/** The actions a ticket in `status` allows (the console shows these buttons). */
export function allowedActions(status: TicketStatus): TicketAction[] {
  return TICKET_ACTIONS.filter((a) => mayApply(a, status));
}

/** A human number: ADU-2026-000123 (a sequence per year). */
export function ticketNumber(year: number, seq: number): string {
  return `ADU-${year}-${String(seq).padStart(6, '0')}`;
}
