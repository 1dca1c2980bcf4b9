/** What one collection job did; only `retry` fails the job (pg-boss retries it with backoff). */
export type CollectOutcome =
  | { kind: 'collected'; scopes: number; read: number; stored: number }
  | { kind: 'skipped'; reason: 'inactive' | 'no_comments' | 'gone' }
  | { kind: 'reconnect' }
  | { kind: 'retry'; message: string };
