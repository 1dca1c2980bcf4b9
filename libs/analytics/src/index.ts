export * from './storage/queryable';
export * from './storage/partitions';
export * from './storage/snapshot-ingest';
export * from './storage/post-metrics-ingest';
export * from './storage/unit-rollup';
