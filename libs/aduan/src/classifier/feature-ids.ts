/**
 * Every feature key ("w:macet", "c:<ma", "s:question"…) gets a small integer once per process, so
 * comments are scored by array look-ups instead of string hashing. Keys past `MAX_IDS` get -1: no model
 * knows them anyway (a model interns its whole vocabulary when it is loaded, and training interns what it
 * trains on), so a long-running process cannot grow this table without bound.
 */
const MAX_IDS = 2_000_000;
const ids = new Map<string, number>();
const keys: string[] = [];

export function featureId(key: string, create = true): number {
  const hit = ids.get(key);
  if (hit !== undefined) return hit;
  if (!create || keys.length >= MAX_IDS) return -1;
  const id = keys.length;
  keys.push(key);
  ids.set(key, id);
  return id;
}

export function featureKey(id: number): string {
  return keys[id] ?? '';
}
