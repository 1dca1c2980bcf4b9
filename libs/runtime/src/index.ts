export { ALL_ENTITIES } from './entities';
export { describeStartError } from './describe-start-error';
export { ensureFirstAdmin, ensureFirstAdminByUrl } from './first-admin';
export { loadConfigOrExit, prepareRuntime } from './prepare-runtime';
export type { Runtime } from './prepare-runtime';
export { onShutdown } from './shutdown';
export { withDataSource } from './with-data-source';
export { WorkerFeaturesModule } from './worker-features.module';
