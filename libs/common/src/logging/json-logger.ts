import { LoggerService } from '@nestjs/common';
import { currentContext } from '../http/request-context';

const LEVELS = { debug: 10, info: 20, warn: 30, error: 40 } as const;
export type LogLevel = keyof typeof LEVELS;

const SECRET_KEYS = /(password|token|secret|authorization|cookie|credentials?)$/i;

/** Replaces the value of every secret-looking key, at any depth, before a line is written. */
export function redact(value: unknown, depth = 0): unknown {
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    out[k] = SECRET_KEYS.test(k) ? '[redacted]' : redact(v, depth + 1);
  }
  return out;
}

/** Structured JSON lines on stdout, each with the request id when there is one. */
export class JsonLogger implements LoggerService {
  constructor(private readonly minLevel: LogLevel = 'info') {}

  private write(level: LogLevel, message: unknown, context?: string, extra?: Record<string, unknown>) {
    if (LEVELS[level] < LEVELS[this.minLevel]) return;
    const ctx = currentContext();
    const line: Record<string, unknown> = { time: new Date().toISOString(), level, context, requestId: ctx?.requestId };
    if (message instanceof Error) {
      line.msg = message.message;
      line.stack = message.stack;
    } else if (typeof message === 'object' && message !== null) {
      Object.assign(line, redact(message));
    } else {
      line.msg = message;
    }
    if (extra) Object.assign(line, redact(extra));
    process.stdout.write(JSON.stringify(line) + '\n');
  }

  log(message: unknown, context?: string) {
    this.write('info', message, context);
  }
  info(message: unknown, extra?: Record<string, unknown>, context?: string) {
    this.write('info', message, context, extra);
  }
  error(message: unknown, stackOrContext?: string, context?: string) {
    this.write('error', message, context ?? stackOrContext);
  }
  warn(message: unknown, context?: string) {
    this.write('warn', message, context);
  }
  debug(message: unknown, context?: string) {
    this.write('debug', message, context);
  }
  verbose(message: unknown, context?: string) {
    this.write('debug', message, context);
  }
}
