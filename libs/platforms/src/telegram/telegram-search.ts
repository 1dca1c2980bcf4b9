import { CandidateWindow } from './telegram-window';

/**
 * What an edit carrying exactly the sent content says about one message id:
 * - ours: "message is not modified" (the message is the bot's and already shows that content);
 * - missing: "message to edit not found" (never used, or deleted);
 * - other: "message can't be edited" (someone else's post), "there is no text/caption in the message to edit"
 *   (a post of the other kind);
 * - edited: Telegram took the edit as a change: the message was the bot's but showed other content (a bot
 *   message Kabar does not know: the request's `known`/`otherUnknown` were incomplete). Never adopted.
 * - unexpected: any other refusal (the description, for the log).
 */
export type ProbeAnswer = 'ours' | 'missing' | 'other' | 'edited' | { unexpected: string };

export type SearchResult = { state: 'found'; messageId: number } | { state: 'absent' } | { state: 'unknown'; reason: string };

export interface SearchLimits {
  /** Edits sent at most. */
  maxProbes: number;
  /** Without an upper bound: this many "not found" in a row past the last existing id ends the search. */
  trailingMisses: number;
}

/**
 * Probes the window's ids upwards from its lower bound, skipping ids Kabar knows. With an upper bound, every
 * id below it answered and none ours proves absence. Without one, a run of missing ids means the end of the
 * channel, most likely, but a run of deleted messages looks the same: the answer stays unknown.
 */
export async function searchWindow(
  window: CandidateWindow & { lower: number },
  probe: (id: number) => Promise<ProbeAnswer>,
  limits: SearchLimits,
): Promise<SearchResult> {
  let probes = 0;
  let misses = 0;
  for (let id = window.lower + 1; window.upper === undefined || id < window.upper; id++) {
    if (window.known.has(id)) {
      misses = 0;
      continue;
    }
    if (probes >= limits.maxProbes) return { state: 'unknown', reason: 'telegram_too_many_candidates' };
    probes += 1;
    const answer = await probe(id);
    if (answer === 'ours') return { state: 'found', messageId: id };
    if (answer === 'other') misses = 0;
    else if (answer === 'missing') {
      if (window.upper === undefined && ++misses >= limits.trailingMisses) return { state: 'unknown', reason: 'telegram_no_later_post' };
    } else if (answer === 'edited') return { state: 'unknown', reason: 'telegram_probe_edited_message' };
    else return { state: 'unknown', reason: 'telegram_probe_unexpected_answer' };
  }
  return { state: 'absent' };
}
