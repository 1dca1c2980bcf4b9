import type { Ticket } from './aduan-api';

/**
 * The place of the "Balas" (reply) button on each ticket. Replies go out through the publishing engine (built
 * separately); until it is wired here this slot renders nothing. Props: the ticket and a callback to reload it.
 */
export function ReplySlot(_props: { ticket: Ticket; onDone: () => void }) {
  return null;
}
