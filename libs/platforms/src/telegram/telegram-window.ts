import { CheckRequest } from '../types';

/** Message ids of a channel where a lost message can sit: above `lower`, below `upper` when one is known. */
export interface CandidateWindow {
  /** Highest id Kabar knows that was published by the first try's start (the lost message comes later). */
  lower?: number;
  /** Lowest id Kabar knows that was sent surely after the lost message was stored (it comes earlier). */
  upper?: number;
  /** Every id Kabar knows: never probed. */
  known: Set<number>;
}

/**
 * Bounds from the posts Kabar knows. Ids of a channel grow by one per message (core.telegram.org/api/channel:
 * channels keep their own message id sequence), so a message stored between two others sits between their ids.
 * - lower: known posts published at or before `since` were stored before the lost one.
 * - upper: a known post only bounds from above if its request surely started after the lost message was
 *   stored. Its request started at most `requestMs` (the client timeout) before it was published, and the lost
 *   request may still have been carried out up to `lateMs` after its answer was lost: so it must have been
 *   published at least `requestMs + lateMs` after `lostAt`.
 */
export function candidateWindow(req: CheckRequest, requestMs: number, lateMs: number): CandidateWindow {
  const known = new Set<number>();
  let lower: number | undefined;
  let upper: number | undefined;
  const upperFrom = req.lostAt.getTime() + requestMs + lateMs;
  for (const k of req.known) {
    const id = Number(k.externalId);
    if (!Number.isSafeInteger(id) || id <= 0) continue;
    known.add(id);
    const at = k.publishedAt.getTime();
    if (at <= req.since.getTime() && (lower === undefined || id > lower)) lower = id;
    if (at >= upperFrom && (upper === undefined || id < upper)) upper = id;
  }
  if (upper !== undefined && lower !== undefined && upper <= lower) upper = undefined; // inconsistent: ignore it
  return { lower, upper, known };
}
