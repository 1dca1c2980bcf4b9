import * as fs from 'fs';
import * as path from 'path';

/** What a running (or killed) PostgreSQL wrote in its data directory's postmaster.pid. */
export interface Postmaster {
  pid: number;
  port: number;
}

export function readPostmaster(dataDir: string): Postmaster | null {
  const file = path.join(dataDir, 'postmaster.pid');
  let lines: string[];
  try {
    lines = fs.readFileSync(file, 'utf8').split('\n');
  } catch {
    return null;
  }
  const pid = Number(lines[0]);
  return Number.isInteger(pid) && pid > 0 ? { pid, port: Number(lines[3]) } : null;
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The command line of a process (Linux), or null where it cannot be read. */
export function commandOf(pid: number): string | null {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return null;
  }
}

/** A postmaster.pid whose process is gone only blocks the next start; one whose pid now names another program too. */
export function removeStalePid(dataDir: string): void {
  const pm = readPostmaster(dataDir);
  if (!pm) return;
  const cmd = commandOf(pm.pid);
  if (!isAlive(pm.pid) || (cmd !== null && !cmd.includes('postgres'))) fs.rmSync(path.join(dataDir, 'postmaster.pid'), { force: true });
}

/**
 * Stops a PostgreSQL left running on `dataDir` (its Node parent was killed): fast shutdown (SIGINT), then
 * immediate (SIGQUIT), then SIGKILL. Resolves when the process is gone.
 */
export async function stopOrphan(pm: Postmaster, timeoutMs = 30_000): Promise<void> {
  const steps: Array<[NodeJS.Signals, number]> = [
    ['SIGINT', timeoutMs * 0.6],
    ['SIGQUIT', timeoutMs * 0.3],
    ['SIGKILL', timeoutMs * 0.1],
  ];
  for (const [signal, waitMs] of steps) {
    try {
      process.kill(pm.pid, signal);
    } catch {
      return;
    }
    const until = Date.now() + waitMs;
    while (Date.now() < until) {
      if (!isAlive(pm.pid)) return;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}
