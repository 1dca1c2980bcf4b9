/**
 * What a failed start prints after "kabar: ": a sentence for what is known (the database cannot be reached,
 * refused the password, a port is taken), else the error with its stack. Never "undefined": a library that
 * rejects with nothing gets a sentence too.
 */
export function describeStartError(e: unknown): string {
  if (e === undefined || e === null)
    return 'the start failed without saying why (a library gave up with no error). Run again with KABAR_LOG_LEVEL=debug to see more.';
  const err = e as NodeJS.ErrnoException & { address?: string; port?: number };
  switch (err.code) {
    case 'ECONNREFUSED':
      return `cannot reach PostgreSQL at ${err.address ?? '?'}:${err.port ?? '?'} (connection refused). Start PostgreSQL or fix DATABASE_URL, then start again.`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `cannot find the PostgreSQL host of DATABASE_URL (${err.message}). Fix DATABASE_URL, then start again.`;
    case '28P01':
    case '28000':
      return `PostgreSQL refused the user or password of DATABASE_URL (${err.message}). Fix DATABASE_URL, then start again.`;
    case '3D000':
      return `${err.message}: create that database (createdb) or fix DATABASE_URL, then start again.`;
    case 'EADDRINUSE':
      return `port ${err.port ?? '?'} is already in use by another program. Stop it, or set PORT to a free port, then start again.`;
  }
  return e instanceof Error ? (e.stack ?? e.message) : String(e);
}
