export * from './rate-limit.decorator';
export * from './rate-limits';
export * from './too-many';
