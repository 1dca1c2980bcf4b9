/**
 * What the tickets side does when a reply to a citizen is on the platform. The tickets module provides it
 * (`{ provide: ADUAN_ANSWERED_HOOK, useExisting: TicketsService }`); until then a no-op is bound.
 */
export interface AnsweredHook {
  /** The comment got its answer on the platform at `at` (the reply's publication time). Called once per reply. */
  markAnswered(commentId: string, at: Date): Promise<unknown>;
  /** The ticket number shown to the citizen ({ticket} in templates), when the comment has a ticket. */
  ticketNumberOf?(commentId: string): Promise<string | null>;
}

export const ADUAN_ANSWERED_HOOK = Symbol('ADUAN_ANSWERED_HOOK');

export const NO_ANSWERED_HOOK: AnsweredHook = {
  markAnswered: async () => undefined,
};
