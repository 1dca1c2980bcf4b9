export * from './env';
export { redactUrl } from './env.schema';
