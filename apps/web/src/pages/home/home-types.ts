/** GET /api/v1/home (libs/analytics/src/home/home.dto.ts): the caller's summary for the Home page. */
export type { HomeAccount, HomeGrowth, HomeProblems, HomeScheduled, HomeSummary } from '../../../../../libs/analytics/src/home/home-summary';
