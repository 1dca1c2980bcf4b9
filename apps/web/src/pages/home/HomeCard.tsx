import { MouseEvent, ReactNode } from 'react';
import { navigate } from '../../router';

/** A link the console's router follows without reloading. */
export function PageLink({ to, children, label }: { to: string; children: ReactNode; label?: string }) {
  const go = (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(to);
  };
  return (
    <a href={to} onClick={go} aria-label={label}>
      {children}
    </a>
  );
}

/** One card of the Home page: a title, its content and a link to the page that has the rest. */
export function HomeCard({ id, title, link, children }: { id: string; title: string; link?: { to: string; text: string }; children: ReactNode }) {
  return (
    <section className="card home-card" aria-labelledby={id} data-testid={id}>
      <h2 id={id}>{title}</h2>
      {children}
      {link && (
        <p className="home-card-link">
          <PageLink to={link.to}>{link.text}</PageLink>
        </p>
      )}
    </section>
  );
}
