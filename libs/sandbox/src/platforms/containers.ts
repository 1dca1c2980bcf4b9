import { SandboxEnv } from '../module';
import { FaultSpec, SandboxPost } from '../types';

export type ContainerStatus = 'IN_PROGRESS' | 'FINISHED' | 'ERROR' | 'EXPIRED' | 'PUBLISHED';

export interface Container {
  id: string;
  platform: 'instagram' | 'threads';
  owner: string;
  text: string;
  media: SandboxPost['media'];
  status: ContainerStatus;
  /** Status reads left before IN_PROGRESS becomes FINISHED. */
  pollsLeft: number;
  /** Sandbox time before which processing cannot finish (`slow_processing`). */
  readyAt: number;
  createdAt: number;
  mediaId?: string;
  errorMessage?: string;
}

const bag = (env: SandboxEnv) => env.store.bag<Container>('meta:containers');

/**
 * A new container. `slow` (a `slow_processing` fault) keeps it IN_PROGRESS `delayMs` longer: processing
 * starts here, where the media is fetched, not at the publish call (which only creates the post).
 */
export function createContainer(env: SandboxEnv, c: Omit<Container, 'id' | 'status' | 'createdAt' | 'readyAt'>, slow?: FaultSpec): Container {
  const now = env.store.now();
  const readyAt = now + (slow ? (slow.delayMs ?? 60_000) : 0);
  const full: Container = { ...c, id: env.store.newId(), status: c.pollsLeft > 0 || readyAt > now ? 'IN_PROGRESS' : 'FINISHED', createdAt: now, readyAt };
  bag(env).set(full.id, full);
  return full;
}

/**
 * Reads a container, moving it along: IN_PROGRESS → FINISHED after `pollsLeft` reads and once `readyAt`
 * passed; not published within 24 h → EXPIRED (IG Container reference: status_code).
 */
export function readContainer(env: SandboxEnv, id: string, advance = true): Container | undefined {
  const c = bag(env).get(id);
  if (!c) return undefined;
  if (c.status !== 'PUBLISHED' && env.store.now() - c.createdAt > 86_400_000) c.status = 'EXPIRED';
  if (advance && c.status === 'IN_PROGRESS' && --c.pollsLeft <= 0 && env.store.now() >= c.readyAt) c.status = 'FINISHED';
  return c;
}

/**
 * The `slow_processing` fault aimed at this account's next post, taken when a container is created (the
 * server hands create-only faults to the publish call, which comes after processing). Only when it is the
 * next fault the publish call would take, so other faults keep their order.
 */
export function takeSlowProcessing(env: SandboxEnv, platform: Container['platform'], owner: string): FaultSpec | undefined {
  const next = env.store.faults().find((f) => (!f.platform || f.platform === platform) && (!f.accountExternalId || f.accountExternalId === owner));
  return next?.kind === 'slow_processing' ? env.store.takeFault(platform, owner, true) : undefined;
}

/** Posts published through containers in the last 24 h (publishing quota). */
export function publishedInWindow(env: SandboxEnv, platform: Container['platform'], owner: string): number {
  const since = env.store.now() - 86_400_000;
  return env.store.posts(platform, owner).filter((p) => p.createdAt.getTime() > since).length;
}
