import { SandboxAccount } from '../types';
import { SandboxComment } from './comments';

/** On X and Mastodon a reply or mention names the account: the text as posted there. */
export const withMention = (a: SandboxAccount, c: SandboxComment) => (c.text.includes(`@${a.handle}`) ? c.text : `@${a.handle} ${c.text}`);

/** Ascending by id (snowflakes: the order the platform stored them). */
export const byId = (x: { id: string }, y: { id: string }) => (BigInt(x.id) < BigInt(y.id) ? -1 : BigInt(x.id) > BigInt(y.id) ? 1 : 0);

/** Comments that reach the account as notifications/mentions: others' only. */
export const othersOnly = (list: SandboxComment[]) => list.filter((c) => !c.own);
