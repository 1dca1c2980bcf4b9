import { hash32 } from '../growth/hash';
import { CitizenIntent, INTENT_WEIGHTS, OWN_REPLIES, TEMPLATES } from './templates';
import { ENDINGS, GREETINGS, KECAMATAN, KELURAHAN, LANDMARKS, PEOPLE, SPAMMERS } from './vocabulary';

export interface GeneratedComment {
  intent: CitizenIntent;
  text: string;
  handle: string;
}

const TIMES = ['pagi', 'sore', 'jam pulang kantor', 'malem', 'jam 7 pagi', 'weekend'];

const pick = <T>(list: readonly T[], ...key: Array<string | number>): T => list[hash32(...key) % list.length];

function intentOf(...key: Array<string | number>): CitizenIntent {
  let r = hash32(...key, 'intent') % 100;
  for (const [intent, weight] of INTENT_WEIGHTS) {
    if (r < weight) return intent;
    r -= weight;
  }
  return 'chatter';
}

/** Fills a template's slots; a third of the places are kecamatan, some places are landmarks. */
function fill(template: string, ...key: Array<string | number>): string {
  const place = hash32(...key, 'kec') % 3 === 0 ? pick(KECAMATAN, ...key, 'p') : pick(KELURAHAN, ...key, 'p');
  const where = hash32(...key, 'w') % 2 === 0 ? pick(LANDMARKS, ...key, 'l') : place;
  return template
    .replace(/\{place\}/g, place)
    .replace(/\{where\}/g, where)
    .replace(/\{time\}/g, pick(TIMES, ...key, 't'))
    .replace(/\{n\}/g, String(2 + (hash32(...key, 'n') % 7)));
}

/** One simulated citizen's comment: the same seed and key give the same comment on every run. */
export function citizenComment(seed: number, ...key: Array<string | number>): GeneratedComment {
  const intent = intentOf(seed, ...key);
  const template = pick(TEMPLATES[intent], seed, ...key, 'tpl');
  let text = fill(template, seed, ...key);
  if (intent === 'complaint' || intent === 'info_request') text = `${pick(GREETINGS, seed, ...key, 'g')}${text}${pick(ENDINGS, seed, ...key, 'e')}`;
  const handle = intent === 'spam' ? pick(SPAMMERS, seed, ...key, 'h') : pick(PEOPLE, seed, ...key, 'h');
  return { intent, text, handle };
}

/** The account's own reply text. */
export const ownReply = (seed: number, ...key: Array<string | number>): string => pick(OWN_REPLIES, seed, ...key);

/** A number in [0, n) from the key. */
export const draw = (n: number, ...key: Array<string | number>): number => hash32(...key) % n;
