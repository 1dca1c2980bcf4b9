/**
 * The instant tests that read "today", "this month" or a time of day run at: the product's Clock starts there
 * (KABAR_CLOCK_START, or `clockStart` in an in-process config) and the browser's Date is fixed there. It lies
 * ahead of the real clock on purpose: the worker publishes and marks posts missed by the database's real time,
 * so a post scheduled after this instant stays scheduled. Mid-month, mid-morning WIB: no edge of a day or month
 * is near. KABAR_TEST_CLOCK overrides it (to try the fixtures at another instant).
 */
export const FIXED_NOW = new Date(process.env.KABAR_TEST_CLOCK ?? '2099-06-17T10:00:00+07:00');
