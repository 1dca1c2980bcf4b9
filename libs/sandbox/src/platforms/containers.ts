import { SandboxEnv } from '../module';
import { SandboxPost } from '../types';

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
  createdAt: number;
  mediaId?: string;
  errorMessage?: string;
}

const bag = (env: SandboxEnv) => env.store.bag<Container>('meta:containers');

export function createContainer(env: SandboxEnv, c: Omit<Container, 'id' | 'status' | 'createdAt'>): Container {
  const full: Container = { ...c, id: env.store.newId(), status: c.pollsLeft > 0 ? 'IN_PROGRESS' : 'FINISHED', createdAt: env.store.now() };
  bag(env).set(full.id, full);
  return full;
}

/** Reads a container, moving it along: IN_PROGRESS → FINISHED after `pollsLeft` reads; EXPIRED after 24 h. */
export function readContainer(env: SandboxEnv, id: string, advance = true): Container | undefined {
  const c = bag(env).get(id);
  if (!c) return undefined;
  if (c.status !== 'PUBLISHED' && env.store.now() - c.createdAt > 86_400_000) c.status = 'EXPIRED';
  if (advance && c.status === 'IN_PROGRESS' && --c.pollsLeft <= 0) c.status = 'FINISHED';
  return c;
}

/** Posts published through containers in the last 24 h (publishing quota). */
export function publishedInWindow(env: SandboxEnv, platform: Container['platform'], owner: string): number {
  const since = env.store.now() - 86_400_000;
  return env.store.posts(platform, owner).filter((p) => p.createdAt.getTime() > since).length;
}
