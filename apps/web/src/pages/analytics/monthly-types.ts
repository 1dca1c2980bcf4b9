/** GET /analytics/monthly (libs/analytics/src/reports/monthly.service.ts): the composite for the coordination meeting. */
export type { MonthlyReport } from '../../api/report-rows';
