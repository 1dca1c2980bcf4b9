export * from './env';
export { redactUrl } from './env.schema';
export * from './files';
