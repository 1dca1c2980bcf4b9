import { ChildProcess, spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { MAIN, ROOT } from '../../support/spawn-app';

export interface RunningProduct {
  url: string;
  proc: ChildProcess;
  output: () => string;
  /** Milliseconds from spawn to the first 200 of /api/health. */
  startedInMs: number;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** A folder the embedded PostgreSQL's own user (root runs it as `postgres`) can reach. */
export function tempDataRoot(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kabar-ops-'));
  fs.chmodSync(dir, 0o777);
  return dir;
}

/**
 * `npm start` as a user runs it (dist/apps/api/src/main.js --all, embedded PostgreSQL), waiting for the URL it
 * prints (it may pick another port than PORT) to answer /api/health.
 */
export async function startProduct(env: Record<string, string>, timeoutMs = 60_000): Promise<RunningProduct> {
  const t0 = Date.now();
  let out = '';
  const proc = spawn(process.execPath, [MAIN, '--all'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', KABAR_LOG_LEVEL: 'warn', KABAR_SANDBOX: 'false', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  proc.stdout!.on('data', (d) => (out += d));
  proc.stderr!.on('data', (d) => (out += d));
  const stop = (signal: NodeJS.Signals = 'SIGTERM') =>
    new Promise<number | null>((resolve) => {
      if (proc.exitCode !== null || proc.signalCode !== null) return resolve(proc.exitCode);
      proc.once('exit', (code) => resolve(code));
      proc.kill(signal);
    });
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`the product exited with ${proc.exitCode}:\n${out}`);
    const url = /Kabar is running at (\S+)/.exec(out)?.[1];
    if (url) {
      const res = await fetch(`${url}/api/health`).catch(() => null);
      if (res?.status === 200) return { url, proc, output: () => out, startedInMs: Date.now() - t0, stop };
    }
    if (Date.now() - t0 > timeoutMs) {
      proc.kill('SIGKILL');
      throw new Error(`the product did not answer /api/health within ${timeoutMs / 1000} s:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Runs the product until it exits by itself (a refused start) and returns what it printed. */
export function startExpectingExit(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    let output = '';
    const proc = spawn(process.execPath, [MAIN, '--all'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', KABAR_LOG_LEVEL: 'warn', KABAR_SANDBOX: 'false', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    proc.stdout.on('data', (d) => (output += d));
    proc.stderr.on('data', (d) => (output += d));
    proc.on('exit', (code) => resolve({ code, output }));
  });
}
