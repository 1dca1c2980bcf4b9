import { ReactNode, useEffect, useRef, useState } from 'react';

/**
 * Mounts `children` (and so starts their requests) once the place they will fill comes near the viewport, or
 * after `delay` ms at the latest: the first screen's requests go first, the rest of a long page follows.
 */
export function Deferred({ children, minHeight = 240, delay = 800 }: { children: ReactNode; minHeight?: number; delay?: number }) {
  const [shown, setShown] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (shown) return;
    const timer = setTimeout(() => setShown(true), delay);
    const el = ref.current;
    const observer =
      el && 'IntersectionObserver' in window
        ? new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && setShown(true), { rootMargin: '200px' })
        : null;
    if (el) observer?.observe(el);
    return () => {
      clearTimeout(timer);
      observer?.disconnect();
    };
  }, [shown, delay]);
  return shown ? <>{children}</> : <div ref={ref} style={{ minHeight }} aria-hidden="true" />;
}
