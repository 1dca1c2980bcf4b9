import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface FailureCount {
  count: number;
  /** Seconds since the latest of them, by the database clock; null when none. */
  sinceLatest: number | null;
}

/** The login_attempts table: what the login slowdown counts. */
@Injectable()
export class LoginAttemptsRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async add(email: string, ip: string, success: boolean): Promise<void> {
    await this.ds.query(`INSERT INTO login_attempts (email, ip, success) VALUES ($1, $2, $3)`, [email.slice(0, 254), ip.slice(0, 64), success]);
  }

  /** Failures for this email from this client within the window, since its last success from that client. */
  async failuresForEmailFromIp(email: string, ip: string, windowSeconds: number): Promise<FailureCount> {
    const [row] = await this.ds.query(
      `SELECT count(*)::int AS count, extract(epoch FROM now() - max(at))::float8 AS since FROM login_attempts
        WHERE email = $1 AND ip = $2 AND NOT success AND at > now() - make_interval(secs => $3)
          AND at > coalesce((SELECT max(at) FROM login_attempts WHERE email = $1 AND ip = $2 AND success), '-infinity')`,
      [email.slice(0, 254), ip.slice(0, 64), windowSeconds],
    );
    return { count: row.count, sinceLatest: row.since };
  }

  /** Failures from this client for any email within the window (a success does not reset it). */
  async failuresForIp(ip: string, windowSeconds: number): Promise<FailureCount> {
    const [row] = await this.ds.query(
      `SELECT count(*)::int AS count, extract(epoch FROM now() - max(at))::float8 AS since FROM login_attempts WHERE ip = $1 AND NOT success AND at > now() - make_interval(secs => $2)`,
      [ip.slice(0, 64), windowSeconds],
    );
    return { count: row.count, sinceLatest: row.since };
  }

  /** Old rows are worthless to the slowdown; removed opportunistically. */
  async prune(olderThanSeconds: number): Promise<void> {
    await this.ds.query(`DELETE FROM login_attempts WHERE at < now() - make_interval(secs => $1)`, [olderThanSeconds]);
  }
}
