import { Injectable } from '@nestjs/common';
import { FailureCount, LoginAttemptsRepository } from './login-attempts.repository';
import { tooMany } from '../rate-limit/too-many';

/** Wrong passwords for one account from one client: the first 5 are free, then each waits twice as long. */
export const ACCOUNT_CLIENT = { free: 5, windowSeconds: 60 * 60 };
/** Wrong passwords from one client for any account (guessing across accounts): 20 free per 15 minutes. */
export const CLIENT = { free: 20, windowSeconds: 15 * 60 };
export const FIRST_DELAY_SECONDS = 30;
export const MAX_DELAY_SECONDS = 15 * 60;

/**
 * Slows password guessing without letting anyone lock an account (issue #13). Nothing counts failures per
 * account alone: five wrong passwords from one place never keep the right password out from another, a city
 * admin's included. Instead, per (account, client) and per client, each failure beyond the free ones doubles
 * the wait after the latest failure (30 s, 1 min, 2 min … at most 15 min): the next attempt from that client
 * is refused with 429 until the wait is over. A success from that client clears its (account, client) count;
 * refused attempts are not counted, so the wait does not extend itself. Password resets never pass here.
 */
@Injectable()
export class LoginThrottle {
  constructor(private readonly attempts: LoginAttemptsRepository) {}

  async check(email: string, ip: string): Promise<void> {
    const [pair, client] = await Promise.all([
      this.attempts.failuresForEmailFromIp(email, ip, ACCOUNT_CLIENT.windowSeconds),
      this.attempts.failuresForIp(ip, CLIENT.windowSeconds),
    ]);
    const wait = Math.max(waitSeconds(pair, ACCOUNT_CLIENT.free), waitSeconds(client, CLIENT.free));
    if (wait > 0) throw tooMany('attempts', wait);
  }

  async failed(email: string, ip: string): Promise<void> {
    await this.attempts.add(email, ip, false);
  }

  async succeeded(email: string, ip: string): Promise<void> {
    await this.attempts.add(email, ip, true);
    if (Math.random() < 0.05) await this.attempts.prune(ACCOUNT_CLIENT.windowSeconds * 2);
  }
}

/** Seconds still to wait after `count` failures of which `free` cost nothing; 0 when none. */
export function waitSeconds({ count, sinceLatest }: FailureCount, free: number): number {
  if (count < free || sinceLatest === null) return 0;
  const left = Math.min(MAX_DELAY_SECONDS, FIRST_DELAY_SECONDS * 2 ** (count - free)) - sinceLatest;
  return left > 0 ? Math.ceil(left) : 0;
}
