import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** The login_attempts table: what the login rate limit counts. */
@Injectable()
export class LoginAttemptsRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async add(email: string, ip: string, success: boolean): Promise<void> {
    await this.ds.query(`INSERT INTO login_attempts (email, ip, success) VALUES ($1, $2, $3)`, [email.slice(0, 254), ip.slice(0, 64), success]);
  }

  /** Failures for this email since its last success, within the window, and the oldest of them. */
  async failuresForEmail(email: string, windowSeconds: number): Promise<{ count: number; oldest: Date | null }> {
    const [row] = await this.ds.query(
      `SELECT count(*)::int AS count, min(at) AS oldest FROM login_attempts
        WHERE email = $1 AND NOT success AND at > now() - make_interval(secs => $2)
          AND at > coalesce((SELECT max(at) FROM login_attempts WHERE email = $1 AND success), '-infinity')`,
      [email, windowSeconds],
    );
    return { count: row.count, oldest: row.oldest };
  }

  async failuresForIp(ip: string, windowSeconds: number): Promise<{ count: number; oldest: Date | null }> {
    const [row] = await this.ds.query(
      `SELECT count(*)::int AS count, min(at) AS oldest FROM login_attempts WHERE ip = $1 AND NOT success AND at > now() - make_interval(secs => $2)`,
      [ip, windowSeconds],
    );
    return { count: row.count, oldest: row.oldest };
  }

  /** Old rows are worthless to the limit; removed opportunistically. */
  async prune(olderThanSeconds: number): Promise<void> {
    await this.ds.query(`DELETE FROM login_attempts WHERE at < now() - make_interval(secs => $1)`, [olderThanSeconds]);
  }
}
