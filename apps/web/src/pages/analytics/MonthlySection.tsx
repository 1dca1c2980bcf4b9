import { ReactNode } from 'react';

/** One part of the printed report: on paper each starts a new page. */
export function MonthlySection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="panel report-section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}
