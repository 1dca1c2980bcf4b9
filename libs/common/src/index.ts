export * from './errors/app-error';
export * from './http/request-context';
export * from './http/request-context.middleware';
export * from './http/all-exceptions.filter';
export * from './http/validation';
export * from './http/i18n-validators';
export * from './logging/json-logger';
export * from './config/config.module';
