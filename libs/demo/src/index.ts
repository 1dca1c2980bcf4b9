export { seedDemo } from './seed-demo';
export { seedDemoUnits } from './demo-units.seed';
export { seedDemoContent } from './demo-content.seed';
export { seedDemoHistory } from './seed-analytics';
export type { DemoHistoryResult } from './seed-analytics';
export { SANDBOX_CLIENT, startDemoSandbox, syncSandboxAccounts } from './sandbox-runtime';
