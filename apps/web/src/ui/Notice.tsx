import { ReactNode } from 'react';

/** What just happened ("Akun dinonaktifkan") or what went wrong, announced to screen readers. */
export function Notice({ kind = 'info', children }: { kind?: 'info' | 'error'; children: ReactNode }) {
  if (!children) return null;
  return kind === 'error' ? (
    <p role="alert" className="error notice-error">
      {children}
    </p>
  ) : (
    <p role="status" className="notice">
      {children}
    </p>
  );
}
