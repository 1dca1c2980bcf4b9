import { Injectable } from '@nestjs/common';
import { AppError } from '@kabar/common';
import { LoginAttemptsRepository } from './login-attempts.repository';

export const LOGIN_WINDOW_SECONDS = 15 * 60;
export const MAX_FAILURES_PER_EMAIL = 5;
export const MAX_FAILURES_PER_IP = 20;

/**
 * Slows password guessing: 5 failures for one email (since its last success) or 20 from one IP within
 * 15 minutes lock further attempts until the oldest failure leaves the window. Refused attempts are
 * not counted, so the lock does not extend itself.
 */
@Injectable()
export class LoginThrottle {
  constructor(private readonly attempts: LoginAttemptsRepository) {}

  async check(email: string, ip: string): Promise<void> {
    const [byEmail, byIp] = await Promise.all([
      this.attempts.failuresForEmail(email, LOGIN_WINDOW_SECONDS),
      this.attempts.failuresForIp(ip, LOGIN_WINDOW_SECONDS),
    ]);
    const waits: number[] = [];
    if (byEmail.count >= MAX_FAILURES_PER_EMAIL) waits.push(this.secondsLeft(byEmail.oldest));
    if (byIp.count >= MAX_FAILURES_PER_IP) waits.push(this.secondsLeft(byIp.oldest));
    if (waits.length) throw AppError.tooMany('auth.tooManyAttempts', { retryAfterSeconds: Math.max(...waits) });
  }

  async failed(email: string, ip: string): Promise<void> {
    await this.attempts.add(email, ip, false);
  }

  async succeeded(email: string, ip: string): Promise<void> {
    await this.attempts.add(email, ip, true);
    if (Math.random() < 0.05) await this.attempts.prune(LOGIN_WINDOW_SECONDS * 4);
  }

  private secondsLeft(oldest: Date | null): number {
    const until = (oldest ? new Date(oldest).getTime() : Date.now()) + LOGIN_WINDOW_SECONDS * 1000;
    return Math.max(1, Math.ceil((until - Date.now()) / 1000));
  }
}
