import { ComponentProps, Suspense, lazy } from 'react';

/**
 * The chart library (recharts, the biggest part of the console's code) loads apart from the analytics page: the
 * page, its figures and its requests start at once, the charts follow. Busy placeholders keep the space.
 */
const FollowerChartLazy = lazy(() => import('./FollowerChart').then((m) => ({ default: m.FollowerChart })));
const PillarsSectionLazy = lazy(() => import('./PillarsSection').then((m) => ({ default: m.PillarsSection })));

export function FollowerChart(props: ComponentProps<typeof FollowerChartLazy>) {
  return (
    <Suspense fallback={<div className="chart" style={{ height: 260 }} aria-busy="true" />}>
      <FollowerChartLazy {...props} />
    </Suspense>
  );
}

export function PillarsSection(props: ComponentProps<typeof PillarsSectionLazy>) {
  return (
    <Suspense fallback={<div className="panel report" style={{ minHeight: 240 }} aria-busy="true" />}>
      <PillarsSectionLazy {...props} />
    </Suspense>
  );
}
