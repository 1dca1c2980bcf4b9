export * from './follower-growth';
export * from './post-metrics';
export { postSlotFactor, wibClock, FOLLOWER_INTENSITY, WEEK_EPOCH_MS, DAY_MS, HOUR_MS, WEEK_MS } from './week-pattern';
